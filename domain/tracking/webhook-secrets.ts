/**
 * How a carrier proves a tracking webhook comes from it: the shared signature scheme
 * (domain/shared/signature.ts) in the header `Enlace-Carrier-Signature`, with the secret Enlace
 * shared with that carrier. A carrier has up to two secrets at once: Enlace adds the new one, the
 * carrier switches (or signs with both), and the old one is removed afterwards, so neither side's
 * requests fail during a rotation.
 */
export const CARRIER_SIGNATURE_HEADER = 'enlace-carrier-signature';

/** More than two would mean a rotation was never finished. */
export const MAX_SECRETS_PER_CARRIER = 2;

/**
 * The stored secrets, one entry per carrier: `{ "<carrier>": ["current", "next"] }`. A single string
 * is accepted too (that is what Secrets Manager generates for a new secret's generated key). Anything
 * else for a carrier (a number, three secrets) is a configuration error reported by name.
 */
export function parseWebhookSecrets(value: unknown): { secrets: Readonly<Record<string, readonly string[]>>; problems: readonly string[] } {
  const secrets: Record<string, readonly string[]> = {};
  const problems: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { secrets, problems: ['the secret must be a JSON object of carrier → secret(s)'] };
  }
  for (const [carrier, entry] of Object.entries(value as Record<string, unknown>)) {
    const list = typeof entry === 'string' ? [entry] : entry;
    if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
      problems.push(`${carrier}: must be a secret or a list of secrets`);
      continue;
    }
    const usable = list.filter((item) => item.length > 0);
    if (usable.length > MAX_SECRETS_PER_CARRIER) {
      problems.push(`${carrier}: ${usable.length} secrets; at most ${MAX_SECRETS_PER_CARRIER} (finish the rotation)`);
      continue;
    }
    secrets[carrier] = usable;
  }
  return { secrets, problems };
}
