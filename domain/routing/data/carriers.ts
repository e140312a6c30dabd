import type { CarrierProfile } from '../carriers';
import { BR_CARRIERS } from './carriers-br';
import { CL_CARRIERS } from './carriers-cl';
import { CO_CARRIERS } from './carriers-co';
import { MX_CARRIERS } from './carriers-mx';
import { PE_CARRIERS } from './carriers-pe';
import { US_CARRIERS } from './carriers-us';

/** Every last-mile carrier profile, all markets. */
export const CARRIERS: readonly CarrierProfile[] = [...MX_CARRIERS, ...BR_CARRIERS, ...CL_CARRIERS, ...CO_CARRIERS, ...PE_CARRIERS, ...US_CARRIERS];
