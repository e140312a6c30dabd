import {
  bookWithFallback,
  CarrierRejectedError,
  recordBooking,
  sandboxBookShipment,
  timeoutFromSleep,
  type BookingOptions,
  type BookingRequest,
  type BookingShipment,
  type BookingTarget,
  type BookShipment,
} from '../../../../domain/routing';
import { type LastMileCarrier } from '../../../../domain/shared/carriers';
import { route } from './fixtures';
import { expectEvery } from '../../../setup/assertions';

/** Lets `n` microtasks run: a deterministic stand-in for time (no real timers). */
async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

type Step = 'ok' | 'fail' | 'timeout' | 'reject' | 'bad-number' | 'throw';

/** A carrier port that follows a script per carrier and records every request. */
function scripted(script: Partial<Record<LastMileCarrier, Step[]>>): { book: BookShipment; calls: BookingRequest[] } {
  const sandbox = sandboxBookShipment();
  const calls: BookingRequest[] = [];
  const book: BookShipment = (request) => {
    calls.push(request);
    const step = script[request.carrier]?.[calls.filter((c) => c.carrier === request.carrier).length - 1] ?? 'ok';
    switch (step) {
      case 'ok':
        return sandbox(request);
      case 'fail':
        return Promise.reject(new Error('HTTP 503 from carrier'));
      case 'timeout':
        return new Promise<never>(() => undefined);
      case 'reject':
        return Promise.reject(new CarrierRejectedError('address not deliverable'));
      case 'bad-number':
        return sandbox(request).then((c) => ({ ...c, trackingNumber: 'NOT-A-NUMBER' }));
      case 'throw':
        throw new Error('adapter bug');
    }
  };
  return { book, calls };
}

const targets: BookingTarget[] = [
  { carrier: 'jadlog', carrierName: 'Jadlog', serviceId: 'enlace-standard-br', serviceName: 'Enlace Standard Brazil (Jadlog)', serviceLevel: 'standard' },
  {
    carrier: 'correios',
    carrierName: 'Correios',
    serviceId: 'enlace-standard-br-correios',
    serviceName: 'Enlace Standard Brazil (Correios SEDEX)',
    serviceLevel: 'standard',
  },
];

const shipment: BookingShipment = {
  orderId: 'ord-42',
  sellerId: 'seller-1',
  parcels: [{ weightGrams: 1200, lengthMm: 300, widthMm: 250, heightMm: 100 }],
  shipTo: { name: 'Ana Souza', streetLines: ['Av. Paulista, 1578'], city: 'São Paulo', state: 'SP', postalCode: '01310-200', country: 'BR' },
};

const options = (extra: Partial<BookingOptions> = {}): BookingOptions => ({
  retries: 2,
  timeoutMs: 8000,
  withTimeout: timeoutFromSleep(() => microtasks(50)),
  ...extra,
});

describe('bookWithFallback', () => {
  it('books with the best carrier on the first attempt', async () => {
    const { book, calls } = scripted({});
    const outcome = await bookWithFallback(targets, shipment, book, options());
    expect(outcome.status).toBe('booked');
    expect(outcome.attempts).toEqual([{ carrier: 'jadlog', serviceId: 'enlace-standard-br', attempt: 1, outcome: 'booked' }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      carrier: 'jadlog',
      attempt: 1,
      trackingSeed: 'ord-42/enlace-standard-br',
      idempotencyKey: 'ord-42/enlace-standard-br',
      shipTo: shipment.shipTo,
    });
  });

  it('retries a failing carrier with the same idempotency key, backing off, and books on the retry', async () => {
    const { book, calls } = scripted({ jadlog: ['fail', 'timeout', 'ok'] });
    const sleeps: number[] = [];
    const outcome = await bookWithFallback(targets, shipment, book, options({ sleep: (ms) => (sleeps.push(ms), Promise.resolve()) }));
    expect(outcome.status === 'booked' && outcome.target.carrier).toBe('jadlog');
    expect(outcome.attempts.map((a) => [a.carrier, a.attempt, a.outcome])).toEqual([
      ['jadlog', 1, 'failed'],
      ['jadlog', 2, 'timeout'],
      ['jadlog', 3, 'booked'],
    ]);
    expect(outcome.attempts[0]).toMatchObject({ error: 'Error: HTTP 503 from carrier', retryable: true });
    expect(outcome.attempts[1]).toMatchObject({ error: 'no answer within 8000 ms' });
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set(['ord-42/enlace-standard-br']));
    expect(sleeps).toEqual([200, 400]);
  });

  it('after 1 + retries timeouts, falls back to the next best carrier and records everything', async () => {
    const { book } = scripted({ jadlog: ['timeout', 'timeout', 'timeout'] });
    const outcome = await bookWithFallback(targets, shipment, book, options());
    expect(outcome.status).toBe('booked');
    if (outcome.status !== 'booked') return;
    expect(outcome.target.carrier).toBe('correios');
    expect(outcome.confirmation.trackingNumber).toMatch(/^[A-Z]{2}\d{9}BR$/);
    expect(outcome.attempts.map((a) => `${a.carrier}#${a.attempt}:${a.outcome}`)).toEqual([
      'jadlog#1:timeout',
      'jadlog#2:timeout',
      'jadlog#3:timeout',
      'correios#1:booked',
    ]);
  });

  it('does not retry a permanent refusal, nor a carrier that returns a malformed tracking number', async () => {
    const rejected = await bookWithFallback(targets, shipment, scripted({ jadlog: ['reject'] }).book, options());
    expect(rejected.attempts.map((a) => `${a.carrier}#${a.attempt}:${a.outcome}`)).toEqual(['jadlog#1:failed', 'correios#1:booked']);
    expect(rejected.attempts[0]).toMatchObject({ retryable: false, error: 'CarrierRejectedError: address not deliverable' });
    const malformed = await bookWithFallback(targets, shipment, scripted({ jadlog: ['bad-number'] }).book, options());
    expect(malformed.attempts[0]).toMatchObject({
      outcome: 'failed',
      retryable: false,
      error: 'returned tracking number "NOT-A-NUMBER", which is not a valid Jadlog (14 digits)',
    });
    expect(malformed.status === 'booked' && malformed.target.carrier).toBe('correios');
  });

  it('handles an adapter that throws synchronously like any failure', async () => {
    const outcome = await bookWithFallback(targets, shipment, scripted({ jadlog: ['throw', 'ok'] }).book, options());
    expect(outcome.attempts.map((a) => a.outcome)).toEqual(['failed', 'booked']);
  });

  it('fails all when every carrier fails every attempt, and respects maxCarriers', async () => {
    const { book, calls } = scripted({ jadlog: ['fail', 'fail', 'fail'], correios: ['timeout', 'fail', 'fail'] });
    const outcome = await bookWithFallback(targets, shipment, book, options());
    expect(outcome.status).toBe('failed-all');
    expect(outcome.attempts).toHaveLength(6);
    expect(calls).toHaveLength(6);
    const limited = await bookWithFallback(targets, shipment, scripted({ jadlog: ['fail', 'fail', 'fail'] }).book, options({ maxCarriers: 1 }));
    expect(limited.status).toBe('failed-all');
    expectEvery(limited.attempts, (a) => a.carrier === 'jadlog');
    await expect(bookWithFallback(targets, shipment, book, options({ retries: -1 }))).rejects.toThrow(RangeError);
  });
});

describe('timeoutFromSleep', () => {
  it('returns the value when the work wins, a timeout when the sleep wins, and swallows a late rejection', async () => {
    const never = new Promise<never>(() => undefined);
    const withTimeout = timeoutFromSleep(() => microtasks(5));
    await expect(withTimeout(Promise.resolve(7), 100)).resolves.toEqual({ timedOut: false, value: 7 });
    await expect(withTimeout(never, 100)).resolves.toEqual({ timedOut: true });
    let reject: (e: Error) => void = () => undefined;
    const late = new Promise<number>((_, r) => (reject = r));
    await expect(withTimeout(late, 100)).resolves.toEqual({ timedOut: true });
    reject(new Error('too late'));
    await microtasks(5);
    const asked: number[] = [];
    await timeoutFromSleep((ms) => (asked.push(ms), microtasks(1)))(never, 1234);
    expect(asked).toEqual([1234]);
  });
});

describe('recordBooking: the decision records what happened', () => {
  it('a first-choice booking', async () => {
    const { decision } = route({ country: 'BR', postalCode: '01310-200' });
    const outcome = await bookWithFallback(decision.ranking, shipment, scripted({}).book, options());
    const recorded = recordBooking(decision, outcome);
    const tracking = outcome.status === 'booked' ? outcome.confirmation.trackingNumber : '?';
    expect(recorded.booking).toMatchObject({ status: 'booked', carrier: decision.chosen?.carrier, trackingNumber: tracking });
    expect(recorded.explanation.at(-1)).toBe(`Booked with ${decision.chosen?.carrierName ?? '?'}: tracking number ${tracking} (sandbox).`);
    expect(recorded.explanation.slice(0, -1)).toEqual(decision.explanation);
  });

  it('a fallback after the chosen carrier timed out', async () => {
    const { decision } = route({ country: 'BR', postalCode: '01310-200' });
    const first = decision.chosen?.carrier ?? 'jadlog';
    const outcome = await bookWithFallback(decision.ranking, shipment, scripted({ [first]: ['timeout', 'timeout', 'timeout'] }).book, options());
    const recorded = recordBooking(decision, outcome);
    expect(recorded.booking?.carrier).toBe(decision.ranking[1]?.carrier);
    expect(recorded.explanation.at(-1)).toMatch(
      new RegExp(
        `^${decision.chosen?.carrierName ?? '?'}: attempt 1 no answer in time, attempt 2 no answer in time, attempt 3 no answer in time\\. So we booked with ${decision.ranking[1]?.carrierName ?? '?'}, the next best carrier: tracking number \\S+ \\(sandbox\\)\\.$`,
      ),
    );
  });

  it('nobody could book', async () => {
    const { decision } = route({ country: 'BR', postalCode: '01310-200' });
    const outcome = await bookWithFallback(decision.ranking, shipment, scripted({ jadlog: ['reject'], correios: ['reject'] }).book, options());
    const recorded = recordBooking(decision, outcome);
    expect(recorded.booking?.status).toBe('failed-all');
    expect(recorded.explanation.at(-1)).toMatch(
      /^No carrier could book the shipment \(.*failed \(CarrierRejectedError: address not deliverable\).*\); it is waiting to be booked again\.$/,
    );
  });
});
