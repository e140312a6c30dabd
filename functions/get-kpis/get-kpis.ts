import * as z from 'zod';
import { isoWeek, laneKpis, weeksEndingWith } from '../../domain/performance';
import { CARRIERS } from '../../domain/routing';
import { DESTINATION_COUNTRIES } from '../../domain/shared/shipping-terms';
import type { HttpRoute } from '../shared/http/http-handler';
import { jsonResponse, validationError } from '../shared/http/problem';
import type { GetLaneKpiRows } from '../shared/store/kpi-reader';

export const querySchema = z.object({
  // From China (CN-BR-SP), or domestic from a destination warehouse, origin = destination (MX-MX-CMX).
  lane: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2}(-[A-Z0-9]{1,4})?$/, 'must be a lane such as CN-BR-SP, CN-MX-CHP or the domestic MX-MX-CMX')
    .refine(
      (lane) => lane.startsWith('CN-') || lane.slice(0, 2) === lane.slice(3, 5),
      'must start in CN, or be domestic (origin = destination, e.g. MX-MX-CMX)',
    ),
  weeks: z.coerce.number().int().min(1).max(26).default(4),
  carrier: z.string().optional(),
});

/**
 * GET /v1/kpis?lane=CN-BR-SP[&weeks=4][&carrier=jadlog]: carrier performance on a lane — weekly
 * counters and the window's rates and transit percentiles, as routing scores them. Carrier
 * performance is platform data, the same for every tenant; no seller's orders are exposed.
 */
export function buildGetKpisRoute(deps: { readonly getKpiRows: GetLaneKpiRows; readonly now?: () => Date }): HttpRoute {
  const now = deps.now ?? (() => new Date());
  return async ({ event }) => {
    const parsed = querySchema.safeParse(event.queryStringParameters ?? {});
    if (!parsed.success) {
      throw validationError(parsed.error.issues);
    }
    const { lane, weeks, carrier } = parsed.data;
    const country = lane.slice(3, 5);
    const carriers = CARRIERS.filter(
      (profile) =>
        (DESTINATION_COUNTRIES as readonly string[]).includes(country) && profile.country === country && (carrier === undefined || profile.slug === carrier),
    ).map((profile) => profile.slug);
    const at = now();
    const window = weeksEndingWith(isoWeek(at), weeks);
    const rows = await deps.getKpiRows(lane, carriers, window);
    return jsonResponse(200, { lane, weeks: window, summary: laneKpis(rows, at, { lane, windowWeeks: weeks }), rows });
  };
}
