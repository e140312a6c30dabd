import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressProblem, formatIp, hostnameProblem, isLoopback, parseIp, type NetworkPolicy } from '../../../domain/notifications';

/** What came back: the status and the first `maxResponseChars` of the body (only for the caller's own checks; never shown to anyone). */
export type SafePostResult =
  { readonly kind: 'answered'; readonly status: number; readonly body: string } | { readonly kind: 'failed'; readonly error: string };

export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error === null ? resolve(addresses) : reject(error))),
  );

/**
 * The addresses a POST to `url` may connect to, every one of them checked, or why none may. Run at
 * every send (verification and each delivery attempt), so a name that resolved to a public address
 * yesterday and to 127.0.0.1 today (DNS rebinding) is refused today. The connection then uses these
 * very addresses (see `postSafely`): nothing is resolved twice.
 */
export async function vettedAddresses(url: URL, policy: NetworkPolicy, resolve: ResolveHost = systemResolve): Promise<LookupAddress[] | string> {
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const loopbackAllowed = policy.loopback !== undefined && !policy.loopback.deniedPorts.includes(port);
  const literal = parseIp(host);
  if (literal !== undefined) {
    if (loopbackAllowed && isLoopback(literal)) {
      return [{ address: formatIp(literal), family: literal.length === 4 ? 4 : 6 }];
    }
    const problem = addressProblem(literal);
    return problem === undefined ? [{ address: formatIp(literal), family: literal.length === 4 ? 4 : 6 }] : `refused: ${problem}`;
  }
  if (loopbackAllowed && host === 'localhost') {
    // The local cloud's one exception: the machine's own receivers, by that exact name, never its own endpoints.
    return [{ address: '127.0.0.1', family: 4 }];
  }
  const nameProblem = hostnameProblem(host);
  if (nameProblem !== undefined) {
    return `refused: ${nameProblem}`;
  }
  let addresses: readonly LookupAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    return `refused: "${host}" does not resolve to a public address`;
  }
  // Every address must be public: a name that also resolves to a private one could be made to use it.
  const publicOnly =
    addresses.length > 0 && addresses.every((entry) => parseIp(entry.address) !== undefined && addressProblem(parseIp(entry.address)!) === undefined);
  return publicOnly ? [...addresses] : `refused: "${host}" does not resolve to a public address`;
}

/** A lookup that answers only with the vetted addresses, so the socket connects to exactly what was checked. */
function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all === true) {
      callback(null, addresses);
    } else {
      callback(null, addresses[0]!.address, addresses[0]!.family);
    }
  }) as unknown as LookupFunction;
}

/**
 * A POST that can reach only public addresses (or, locally, the loopback ports the policy allows):
 * resolved and checked now, connected to what was checked, redirects not followed, and at most
 * `maxResponseChars` of the answer read.
 */
export async function postSafely(
  target: string,
  options: {
    readonly headers: Record<string, string>;
    readonly body: string;
    readonly timeoutMs: number;
    readonly policy: NetworkPolicy;
    readonly maxResponseChars?: number;
    readonly resolve?: ResolveHost;
  },
): Promise<SafePostResult> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { kind: 'failed', error: 'refused: not a URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.policy.loopback !== undefined)) {
    return { kind: 'failed', error: 'refused: https only' };
  }
  const vetted = await vettedAddresses(url, options.policy, options.resolve);
  if (typeof vetted === 'string') {
    return { kind: 'failed', error: vetted };
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = Buffer.from(options.body, 'utf8');
  return new Promise<SafePostResult>((resolve) => {
    const outgoing = request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(body.length) },
      lookup: pinnedLookup(vetted),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    outgoing.on('error', (error: Error & { code?: string }) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      resolve({
        kind: 'failed',
        error: timedOut ? `no answer within ${options.timeoutMs / 1000} s` : `${error.message}${error.code === undefined ? '' : ` (${error.code})`}`,
      });
    });
    outgoing.on('response', (response: IncomingMessage) => {
      void readSome(response, options.maxResponseChars ?? 4_096).then((text) => resolve({ kind: 'answered', status: response.statusCode ?? 0, body: text }));
    });
    outgoing.end(body);
  });
}

/** The start of a response body; the rest is not read (a receiver cannot make Enlace download a large answer). */
async function readSome(response: IncomingMessage, maxChars: number): Promise<string> {
  let text = '';
  try {
    for await (const chunk of response) {
      text += (chunk as Buffer).toString('utf8');
      if (text.length >= maxChars) {
        break;
      }
    }
  } catch {
    // A connection cut mid-answer: what arrived is all there is.
  } finally {
    response.destroy();
  }
  return text.slice(0, maxChars);
}
