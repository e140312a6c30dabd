import type { InboundShipment } from '../../../domain/inbound';
import { buildInboundStep, InboundBusyError, MAX_INBOUND_ATTEMPTS } from '../../../functions/shared/inbound-step';

/** A shipment store whose writes lose to another writer `losses` times (the version moved), then win. */
function contended(losses: number) {
  let version = 1;
  let lost = 0;
  const sleeps: number[] = [];
  const step = buildInboundStep({
    getInbound: async () => ({ inboundShipmentId: 'inb_1', version }) as unknown as InboundShipment,
    saveInboundChange: async ({ expectedVersion }) => {
      if (lost < losses) {
        lost += 1;
        version += 1; // someone else wrote meanwhile
        return 'conflict';
      }
      if (expectedVersion !== version) return 'conflict';
      version += 1;
      return 'saved';
    },
    sleep: async (ms) => void sleeps.push(ms),
  });
  const decide = (current: InboundShipment) => ({ shipment: { ...current, version: current.version + 1 }, events: [] });
  return { step: () => step('inb_1', decide), sleeps };
}

describe('the inbound step under contention', () => {
  it('re-reads and decides again until it wins: ten writers on one shipment all land', async () => {
    const { step, sleeps } = contended(10);
    await expect(step()).resolves.toMatchObject({ kind: 'changed' });
    expect(sleeps).toHaveLength(10);
    expect(sleeps.every((ms) => ms >= 0 && ms <= 500)).toBe(true);
  });

  it(`gives up after ${MAX_INBOUND_ATTEMPTS} lost rounds with InboundBusyError (a 503 the client may repeat), not a silent drop`, async () => {
    const { step, sleeps } = contended(Number.POSITIVE_INFINITY);
    await expect(step()).rejects.toBeInstanceOf(InboundBusyError);
    expect(sleeps).toHaveLength(MAX_INBOUND_ATTEMPTS - 1);
  });
});
