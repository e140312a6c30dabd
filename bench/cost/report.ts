/** The committed report (docs/cost-report.json): the figures, and the counts `npm test` holds them to. */
import type { Priced } from './bill';
import type { CostMeasurement, figures } from './measure';

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

const compact = (priced: Priced) => ({
  usd: round(priced.usd, 8),
  requests: round(priced.requests, 2),
  byService: Object.fromEntries(
    Object.entries(priced.byService)
      .sort(([, a], [, b]) => b.usd - a.usd)
      .map(([service, line]) => [
        service,
        {
          usd: round(line.usd, 8),
          requests: round(line.requests, 2),
          quantity: Object.fromEntries(Object.entries(line.quantity).map(([what, quantity]) => [what, round(quantity, 6)])),
        },
      ]),
  ),
  byFunction: Object.fromEntries(
    Object.entries(priced.byFunction)
      .sort(([, a], [, b]) => b.usd - a.usd)
      .map(([fn, line]) => [fn, { usd: round(line.usd, 8), requests: round(line.requests, 2) }]),
  ),
});

export function costReport(measurement: CostMeasurement, result: ReturnType<typeof figures>) {
  return {
    generatedBy: 'npm run cost -- --write',
    orders: measurement.orders,
    updates: measurement.updates,
    outcomes: measurement.outcomes,
    polling:
      measurement.polledParcels === 0
        ? undefined
        : {
            parcels: measurement.polledParcels,
            pollsPerParcel: round(measurement.polls / measurement.polledParcels, 2),
            daysPolledPerParcel: round(measurement.polledDays / measurement.polledParcels, 2),
            pollsPerParcelPerDay: round(measurement.polls / Math.max(1e-9, measurement.polledDays), 2),
            carrierRequestsPerParcelPerDay: round(measurement.carrierRequests / Math.max(1e-9, measurement.polledDays), 2),
          },
    /** What `npm test` checks (tests/integration/cost.int.test.ts): counts, not timings. */
    counts: {
      requestsPerOrderWithTenUpdates: round(result.perOrderWithUpdates.requests, 2),
      writeUnitsPerOrderWithTenUpdates: round(result.writeUnitsPerOrderWithUpdates, 2),
    },
    usdPerThousandOrdersWithTenUpdates: round(result.perThousand.usd, 5),
    perOrder: compact(result.perOrder),
    perUpdate: compact(result.perUpdate),
    perThousandOrders: compact(result.perThousand),
  };
}
