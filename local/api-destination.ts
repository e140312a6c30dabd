import { NonRetryableDeliveryError } from './eventbridge/event-bus-server';
import type { ApiDestinationSpec } from './wiring';

/**
 * An EventBridge API destination call: the payload as JSON, the connection's auth header (API key
 * or Basic), a 5 s timeout. As on AWS, a 4xx answer other than 429 is final (no retry); 429, 5xx
 * and network errors are retried by the bus, then go to the target's DLQ.
 */
export async function callApiDestination(destination: ApiDestinationSpec, resolve: (value: unknown) => unknown, payload: unknown): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Amazon/EventBridge/ApiDestinations' };
  if (destination.authHeader !== undefined) {
    const value = resolve(destination.authHeader.value);
    const basic = (value as { 'enlace:basic'?: [unknown, unknown] } | null)?.['enlace:basic'];
    headers[destination.authHeader.name] =
      basic === undefined ? String(value) : `Basic ${Buffer.from(`${String(basic[0])}:${String(basic[1])}`).toString('base64')}`;
  }
  const response = await fetch(String(resolve(destination.endpoint)), {
    method: destination.httpMethod,
    headers,
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(5_000),
  });
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new NonRetryableDeliveryError(`API destination ${destination.logicalId} answered ${response.status}`);
  }
  if (!response.ok) {
    throw new Error(`API destination ${destination.logicalId} answered ${response.status}`);
  }
}
