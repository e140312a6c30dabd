import { OUTBOX_PREFIX } from '../shared/store/keys';
import { OUTBOX_ATTRIBUTE } from '../shared/store/outbox';

/**
 * The relay's stream filters (Lambda event filtering, any one matches; the stack installs them and
 * the tests apply them to DynamoDB Local's stream): the two shapes of the outbox, store/outbox.ts.
 */
export const OUTBOX_RELAY_FILTERS: readonly Record<string, unknown>[] = [
  // An outbox item, written in the transaction of the state it reports.
  { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: OUTBOX_PREFIX }] } } } },
  // A write that carries its events on the item it changes (tracking).
  { eventName: ['INSERT', 'MODIFY'], dynamodb: { NewImage: { [OUTBOX_ATTRIBUTE]: { S: [{ exists: true }] } } } },
];
