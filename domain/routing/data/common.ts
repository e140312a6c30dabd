/** Provenance helpers and the battery policies shared by the carrier profiles. */
import type { Provenance } from '../../rating';
import { ALL_LITHIUM, LITHIUM_METAL, LITHIUM_STANDALONE, REFERENCE } from '../../rating';
import type { BatteryType } from '../../shared/shipping-terms';

export { REFERENCE };

export const sandbox = (note: string): Provenance => ({ source: 'sandbox', note, sandbox: true });
export const sourced = (source: string, note: string): Provenance => ({ source, note, sandbox: false });

/**
 * Every profile refuses loose lithium batteries (UN3480/UN3090): the air lines that feed these
 * carriers cannot fly them (reference §3), so no last mile is ever offered one.
 */
export const REFUSES_STANDALONE: readonly BatteryType[] = LITHIUM_STANDALONE;
/** Lithium metal in any form, and loose lithium-ion. */
export const REFUSES_METAL: readonly BatteryType[] = [...LITHIUM_METAL, 'lithium-ion-standalone'];
export const REFUSES_ALL_LITHIUM: readonly BatteryType[] = ALL_LITHIUM;

export const STANDALONE_NOTE = sandbox(
  'Loose lithium batteries are refused everywhere (reference §3: not on passenger aircraft); the carrier may carry them as fully regulated dangerous goods, which Enlace does not sell.',
);

export const LB = 453.59237;
export const INCH = 25.4;
