import { createHash, randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID: 48 bits of milliseconds then 80 random bits, Crockford base32, so ids sort by creation time. */
export function ulid(now: number = Date.now(), random: Buffer = randomBytes(10)): string {
  let time = '';
  let remaining = now;
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[remaining % 32]! + time;
    remaining = Math.floor(remaining / 32);
  }
  let bits = 0n;
  for (const byte of random) {
    bits = (bits << 8n) | BigInt(byte);
  }
  let tail = '';
  for (let i = 0; i < 16; i += 1) {
    tail = CROCKFORD[Number(bits & 31n)]! + tail;
    bits >>= 5n;
  }
  return time + tail;
}

export const newId = (prefix: string): string => `${prefix}_${ulid()}`;

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
