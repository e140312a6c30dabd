import type { DeliveryJob } from '../../../domain/notifications/ports';
import { DEFAULT_RETRY_POLICY } from '../../../domain/notifications/retry-policy';
import { rotateSecret } from '../../../domain/notifications/subscription';
import { verifySignature } from '../../../domain/shared/signature';
import { buildDeliverNotification, DeliveryFailedError } from '../../../functions/notification-delivery/notification-delivery';
import { parseDeliveryJob } from '../../../functions/shared/notifications/delivery-job';
import { activeSubscription, fakeSend, memoryStore, silentLog } from '../../fakes/notifications';

const firstAttemptAt = new Date('2026-11-22T12:00:00.000Z');

const job: DeliveryJob = {
  deliveryId: `dlv_${'a'.repeat(32)}`,
  subscriptionId: 'sub_1',
  sellerId: 'seller-a',
  firstAttemptAt: firstAttemptAt.toISOString(),
  payload: {
    formatVersion: 1,
    eventId: 'evt_1',
    type: 'order.rated',
    version: 1,
    occurredAt: '2026-11-22T11:59:59.000Z',
    orderId: 'ord_1',
    subject: { kind: 'order', id: 'ord_1' },
    sellerId: 'seller-a',
    sequence: 2,
    data: { orderId: 'ord_1' },
  },
};

function setup(options: { now?: Date; results?: Parameters<typeof fakeSend>[0]; delayFails?: boolean } = {}) {
  const store = memoryStore();
  const subscription = activeSubscription();
  store.subscriptions.set('seller-a/sub_1', subscription);
  const { sent, send } = fakeSend(options.results);
  const delays: [string, number][] = [];
  const now = options.now ?? new Date(firstAttemptAt.getTime() + 1_000);
  const deliver = buildDeliverNotification({
    getSubscription: store.getSubscription,
    send,
    saveDeadLetter: store.saveDeadLetter,
    delayRetry: async (receiptHandle, seconds) => {
      if (options.delayFails === true) {
        throw new Error('MessageNotInflight');
      }
      delays.push([receiptHandle, seconds]);
    },
    policy: DEFAULT_RETRY_POLICY,
    now: () => now,
    jitter: () => 0.5,
  });
  return { store, subscription, sent, delays, deliver, now };
}

describe('notification delivery', () => {
  it('POSTs the exact payload, signed over the timestamp and body, with the delivery id and event type', async () => {
    const { sent, deliver, now } = setup();
    expect(await deliver(job, { receiveCount: 1, receiptHandle: 'rh' }, silentLog)).toBe('delivered');
    expect(sent).toHaveLength(1);
    const [message] = sent;
    expect(message).toMatchObject({ target: { kind: 'https', url: 'https://erp.example.com/hooks' }, deliveryId: job.deliveryId, eventType: 'order.rated' });
    expect(JSON.parse(message!.body)).toEqual(job.payload);
    expect(verifySignature({ header: message!.signature, secrets: ['whsec_1'], body: message!.body, nowSeconds: now.getTime() / 1000 })).toEqual({
      valid: true,
      timestamp: Math.floor(now.getTime() / 1000),
      secretIndex: 0,
    });
  });

  it('signs with the current secrets, so a rotation applies to retries already queued', async () => {
    const { store, subscription, sent, deliver, now } = setup();
    store.subscriptions.set('seller-a/sub_1', rotateSecret(subscription, 'whsec_2', firstAttemptAt));
    await deliver(job, { receiveCount: 2, receiptHandle: 'rh' }, silentLog);
    expect(sent[0]!.signature.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature({ header: sent[0]!.signature, secrets: ['whsec_2'], body: sent[0]!.body, nowSeconds: now.getTime() / 1000 }).valid).toBe(true);
    expect(verifySignature({ header: sent[0]!.signature, secrets: ['whsec_1'], body: sent[0]!.body, nowSeconds: now.getTime() / 1000 }).valid).toBe(true);
  });

  it('on a refusal inside the window, sets the backoff on the message and reports it failed', async () => {
    const { delays, deliver, store } = setup({ results: [{ ok: false, error: 'HTTP 503' }] });
    const attempt = deliver(job, { receiveCount: 3, receiptHandle: 'rh-3' }, silentLog);
    await expect(attempt).rejects.toThrow(DeliveryFailedError);
    await expect(attempt).rejects.toMatchObject({ reason: 'HTTP 503', retryInSeconds: 120 });
    expect(delays).toEqual([['rh-3', 120]]);
    expect(store.deadLetters.size).toBe(0);
  });

  it('still reports the failure when the backoff cannot be set (the queue retries it anyway)', async () => {
    const { deliver } = setup({ results: [{ ok: false, error: 'HTTP 500' }], delayFails: true });
    await expect(deliver(job, { receiveCount: 1, receiptHandle: 'rh' }, silentLog)).rejects.toThrow(DeliveryFailedError);
  });

  it("after the retry window, parks the delivery in the seller's dead letters and lets the message go", async () => {
    const dayLater = new Date(firstAttemptAt.getTime() + 24 * 3_600_000);
    const { delays, deliver, store } = setup({ now: dayLater, results: [{ ok: false, error: 'fetch failed (ECONNREFUSED)' }] });
    expect(await deliver(job, { receiveCount: 13, receiptHandle: 'rh' }, silentLog)).toBe('dead-lettered');
    expect(delays).toEqual([]);
    expect([...store.deadLetters.values()]).toEqual([{ ...job, deadAt: dayLater.toISOString(), attempts: 13, lastError: 'fetch failed (ECONNREFUSED)' }]);
  });

  it('drops a delivery whose subscription was deleted or is not active', async () => {
    const { store, sent, deliver, subscription } = setup();
    store.subscriptions.set('seller-a/sub_1', { ...subscription, status: 'pending_verification' });
    expect(await deliver(job, { receiveCount: 1, receiptHandle: 'rh' }, silentLog)).toBe('dropped');
    store.subscriptions.clear();
    expect(await deliver(job, { receiveCount: 1, receiptHandle: 'rh' }, silentLog)).toBe('dropped');
    expect(sent).toEqual([]);
  });

  it("never sends one seller's event to another seller's subscription, even from a forged job", async () => {
    const { sent, deliver } = setup();
    const forged = { ...job, payload: { ...job.payload, sellerId: 'seller-b' } };
    expect(await deliver(forged, { receiveCount: 1, receiptHandle: 'rh' }, silentLog)).toBe('dropped');
    expect(sent).toEqual([]);
  });

  it('reads jobs off the queue strictly', () => {
    expect(parseDeliveryJob(JSON.stringify(job))).toEqual(job);
    expect(() => parseDeliveryJob(JSON.stringify({ ...job, deliveryId: 'x' }))).toThrow(/deliveryId/);
    expect(() => parseDeliveryJob(JSON.stringify({ ...job, payload: { ...job.payload, sequence: 0 } }))).toThrow(/sequence/);
  });
});
