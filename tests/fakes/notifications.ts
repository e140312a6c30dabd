import { Logger } from '@aws-lambda-powertools/logger';
import { SubscriptionChangedError, SubscriptionLimitError, type DeadLetter, type DeliveryJob, type SequenceSubject } from '../../domain/notifications/ports';
import { createSubscription, MAX_SUBSCRIPTIONS_PER_SELLER, type Subscription } from '../../domain/notifications/subscription';
import type { OutgoingMessage, SendResult } from '../../functions/shared/notifications/sender';

export const silentLog = new Logger({ logLevel: 'SILENT' });

/** An in-memory notification store with the adapters' semantics (tenant partitions, revisions, sequences). */
export function memoryStore() {
  const subscriptions = new Map<string, Subscription>();
  const deadLetters = new Map<string, DeadLetter>();
  const sequences = new Map<string, Map<string, number>>();
  const listedSellers: string[] = [];
  const key = (sellerId: string, id: string) => `${sellerId}/${id}`;
  return {
    subscriptions,
    deadLetters,
    listedSellers,
    saveSubscription: async (subscription: Subscription) => {
      const current = subscriptions.get(key(subscription.sellerId, subscription.subscriptionId));
      const expected = subscription.revision === 1 ? undefined : subscription.revision - 1;
      if (current?.revision !== expected) {
        throw new SubscriptionChangedError(subscription.subscriptionId);
      }
      const count = [...subscriptions.values()].filter((other) => other.sellerId === subscription.sellerId).length;
      if (expected === undefined && count >= MAX_SUBSCRIPTIONS_PER_SELLER) {
        throw new SubscriptionLimitError(subscription.sellerId, MAX_SUBSCRIPTIONS_PER_SELLER);
      }
      subscriptions.set(key(subscription.sellerId, subscription.subscriptionId), subscription);
    },
    listSubscriptions: async (sellerId: string) => {
      listedSellers.push(sellerId);
      return [...subscriptions.values()].filter((subscription) => subscription.sellerId === sellerId);
    },
    findSubscription: async (sellerIds: readonly string[], id: string) =>
      sellerIds.map((sellerId) => subscriptions.get(key(sellerId, id))).find((subscription) => subscription !== undefined),
    getSubscription: async (sellerId: string, id: string) => subscriptions.get(key(sellerId, id)),
    deleteSubscription: async (sellerId: string, id: string) => {
      subscriptions.delete(key(sellerId, id));
    },
    nextSequence: async (subject: SequenceSubject, eventId: string) => {
      const subjectKey = subject.kind === 'order' ? subject.id : `${subject.sellerId}#${subject.kind}#${subject.id}`;
      const order = sequences.get(subjectKey) ?? new Map<string, number>();
      sequences.set(subjectKey, order);
      const existing = order.get(eventId);
      if (existing !== undefined) {
        return existing;
      }
      order.set(eventId, order.size + 1);
      return order.size;
    },
    saveDeadLetter: async (deadLetter: DeadLetter) => {
      deadLetters.set(key(deadLetter.sellerId, `${deadLetter.subscriptionId}/${deadLetter.deliveryId}`), deadLetter);
    },
    listDeadLetters: async (sellerId: string, id: string, page: { limit: number; cursor?: string }) => {
      const all = [...deadLetters.values()].filter((item) => item.sellerId === sellerId && item.subscriptionId === id);
      const from = page.cursor === undefined ? 0 : Number(page.cursor);
      const items = all.slice(from, from + page.limit);
      return { items, ...(from + page.limit < all.length ? { cursor: String(from + page.limit) } : {}) };
    },
    getDeadLetter: async (sellerId: string, id: string, deliveryId: string) => deadLetters.get(key(sellerId, `${id}/${deliveryId}`)),
    deleteDeadLetter: async (sellerId: string, id: string, deliveryId: string) => {
      deadLetters.delete(key(sellerId, `${id}/${deliveryId}`));
    },
  };
}

export function activeSubscription(overrides: Partial<Subscription> & { sellerId?: string; subscriptionId?: string } = {}): Subscription {
  const base = createSubscription(
    { sellerId: overrides.sellerId ?? 'seller-a', target: { kind: 'https', url: 'https://erp.example.com/hooks' }, eventTypes: ['*'], filter: {} },
    { subscriptionId: overrides.subscriptionId ?? 'sub_1', secret: 'whsec_1', now: new Date('2026-11-22T10:00:00.000Z') },
  );
  return { ...base, status: 'active', ...overrides };
}

/** Records every message; answers with the queued results, then `fallback`. */
export function fakeSend(results: SendResult[] = [], fallback: SendResult = { ok: true, responseBody: '' }) {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send: async (message: OutgoingMessage) => {
      sent.push(message);
      return results.shift() ?? fallback;
    },
  };
}

export function fakeQueue() {
  const jobs: DeliveryJob[] = [];
  return { jobs, enqueueDeliveries: async (batch: readonly DeliveryJob[]) => void jobs.push(...batch) };
}

/** A secret box that seals by encoding (no KMS), and opens only with the context it was sealed under, as KMS does. */
export function fakeSecretBox() {
  const opened: string[] = [];
  return {
    opened,
    seal: async (secret: string, context: { sellerId: string; subscriptionId: string }) => ({
      scheme: 'fake',
      value: Buffer.from(secret, 'utf8').toString('base64'),
      context: `${context.sellerId}/${context.subscriptionId}`,
    }),
    open: async (sealed: Readonly<Record<string, string>>, context: { sellerId: string; subscriptionId: string }) => {
      if (sealed.context !== `${context.sellerId}/${context.subscriptionId}`) {
        throw new Error('InvalidCiphertextException: sealed for another subscription');
      }
      opened.push(sealed.value!);
      return Buffer.from(sealed.value!, 'base64').toString('utf8');
    },
  };
}
