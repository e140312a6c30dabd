/** Public surface of carrier performance: KPI counters per (carrier, lane, ISO week), the facts that move them, and the sandbox seed. */
export { KPI_SEED, SEED_PROFILES, SEED_WEEKS } from './kpi-seed';
export {
    applyIncrement,
    COUNTER_NAMES,
    emptyCounters,
    emptyLaneKpis,
    InvalidIsoWeekError,
    InvalidKpiFactError,
    isoWeek,
    isoWeekStart,
    kpiIncrementsFor,
    laneKpis,
    percentile,
    TRANSIT_BUCKET_MAX_DAYS,
    TRANSIT_BUCKET_NAMES,
    transitBucketIndex,
    transitDaysBetween,
    weeksEndingWith,
    type CarrierLaneKpis,
    type KpiCounters,
    type KpiFact,
    type KpiIncrement,
    type KpiWeek,
    type LaneKpis
} from './kpis';
