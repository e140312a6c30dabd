import type { RateCard } from '../rate-card';
import { BR_CARDS } from './br';
import { CL_CARDS } from './cl';
import { CO_CARDS } from './co';
import { DOMESTIC_CARDS } from './domestic';
import { MX_CARDS } from './mx';
import { PE_CARDS } from './pe';
import { US_CARDS } from './us';

/** Every rate card version of every service: all lanes from China, then the domestic services of the destination warehouses. */
export const RATE_CARDS: readonly RateCard[] = [...BR_CARDS, ...MX_CARDS, ...CL_CARDS, ...CO_CARDS, ...PE_CARDS, ...US_CARDS, ...DOMESTIC_CARDS];
