import type { DutyRule } from '../types';
import { BR_DUTY_RULES } from './br';
import { CL_DUTY_RULES } from './cl';
import { CO_DUTY_RULES } from './co';
import { MX_DUTY_RULES } from './mx';
import { PE_DUTY_RULES } from './pe';
import { US_DUTY_RULES } from './us';

/** Every landed-cost rule, by country; within a country, data order decides which rule matches first. */
export const DUTY_RULES: readonly DutyRule[] = [...BR_DUTY_RULES, ...MX_DUTY_RULES, ...CL_DUTY_RULES, ...CO_DUTY_RULES, ...PE_DUTY_RULES, ...US_DUTY_RULES];
