/**
 * Which network addresses a notification may reach: public unicast only. Enlace sends signed POSTs
 * to URLs its sellers choose, so a URL must never make it reach its own network (server-side
 * request forgery): loopback, private, link-local (the cloud metadata service at 169.254.169.254),
 * shared, multicast, reserved and documentation ranges, in every spelling (IPv4, IPv6, IPv4 inside
 * IPv6: mapped, compatible, NAT64, 6to4, Teredo). Names are checked here for what they say
 * (single-label and internal names are refused outright) and their addresses are checked wherever
 * they are resolved: at verification and at each delivery (functions/shared/notifications/safe-http.ts).
 *
 * Sources: IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and updates), and the
 * IPv6 Global Unicast allocation 2000::/3 (RFC 4291 §2.4). Only 2000::/3 is considered for IPv6.
 */

/** An address as bytes: 4 (IPv4) or 16 (IPv6). */
export type AddressBytes = readonly number[];

/** IPv4 ranges that are not public unicast: [first address, prefix length, what it is]. */
const NON_PUBLIC_IPV4: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, '"this network"'],
  ['10.0.0.0', 8, 'a private network'],
  ['100.64.0.0', 10, 'shared address space (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata services live here)'],
  ['172.16.0.0', 12, 'a private network'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'a private network'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved (and broadcast)'],
];

/** IPv6 ranges inside 2000::/3 that are not public unicast. */
const NON_PUBLIC_IPV6_GLOBAL: readonly (readonly [string, number, string])[] = [
  ['2001::', 23, 'IETF protocol assignments (Teredo, ORCHID, benchmarking…)'],
  ['2001:db8::', 32, 'documentation'],
  ['2002::', 16, '6to4 (an IPv4 address inside IPv6)'],
  ['3fff::', 20, 'documentation'],
];

/** Parses a dotted-quad IPv4 address (four decimal parts, as URL parsing normalises every IPv4 spelling to). */
export function parseIpv4(text: string): AddressBytes | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    return undefined;
  }
  return parts.map(Number);
}

/** Parses an IPv6 address (with or without brackets; `::` compression and a dotted IPv4 tail allowed; no zone). */
export function parseIpv6(text: string): AddressBytes | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (bare.includes('%') || !/^[0-9a-fA-F:.]+$/.test(bare)) {
    return undefined;
  }
  // A dotted IPv4 tail (::ffff:127.0.0.1, 64:ff9b::169.254.169.254) becomes its two hex groups.
  const lastColon = bare.lastIndexOf(':');
  let spelled = bare;
  if (bare.slice(lastColon + 1).includes('.')) {
    const ipv4 = parseIpv4(bare.slice(lastColon + 1));
    if (ipv4 === undefined) return undefined;
    spelled = `${bare.slice(0, lastColon + 1)}${((ipv4[0]! << 8) | ipv4[1]!).toString(16)}:${((ipv4[2]! << 8) | ipv4[3]!).toString(16)}`;
  }
  const groups = parseGroups(spelled, 8);
  if (groups === undefined) return undefined;
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

function parseGroups(text: string, wanted: number): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const read = (part: string) => (part === '' ? [] : part.split(':'));
  const left = read(halves[0]!);
  const right = halves.length === 2 ? read(halves[1]!) : [];
  if ([...left, ...right].some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  const missing = wanted - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right].map((group) => parseInt(group, 16));
}

/** Parses an IPv4 or IPv6 address as it appears in a URL's host or a DNS answer. */
export function parseIp(text: string): AddressBytes | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

function inRange(address: AddressBytes, [first, prefix]: readonly [string, number, string]): boolean {
  const base = parseIp(first)!;
  if (base.length !== address.length) return false;
  for (let bit = 0; bit < prefix; bit += 1) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((address[byte]! & mask) !== (base[byte]! & mask)) return false;
  }
  return true;
}

/** Why an address may not be reached (undefined: public unicast). */
export function addressProblem(address: AddressBytes): string | undefined {
  if (address.length === 4) {
    const range = NON_PUBLIC_IPV4.find((candidate) => inRange(address, candidate));
    return range === undefined ? undefined : `${formatIp(address)} is ${range[2]}`;
  }
  // IPv6: only global unicast (2000::/3) is public; everything else (loopback, unspecified, IPv4-mapped
  // and -compatible, NAT64 64:ff9b::/96, unique local fc00::/7, site-local fec0::/10, link-local,
  // multicast) is refused.
  if ((address[0]! & 0xe0) !== 0x20) {
    return `${formatIp(address)} is not a global unicast IPv6 address (loopback, mapped IPv4, NAT64, unique or site local, link-local or multicast)`;
  }
  const range = NON_PUBLIC_IPV6_GLOBAL.find((candidate) => inRange(address, candidate));
  return range === undefined ? undefined : `${formatIp(address)} is ${range[2]}`;
}

export function formatIp(address: AddressBytes): string {
  if (address.length === 4) return address.join('.');
  const groups = Array.from({ length: 8 }, (_, index) => ((address[2 * index]! << 8) | address[2 * index + 1]!).toString(16));
  return groups.join(':');
}

export function isLoopback(address: AddressBytes): boolean {
  return address.length === 4 ? address[0] === 127 : address.every((byte, index) => byte === (index === 15 ? 1 : 0));
}

/** Name suffixes that never denote a public host (RFC 6761, RFC 6762, RFC 8375, cloud-internal names). */
const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home.arpa',
  'corp',
  'private',
  'test',
  'invalid',
  'example',
  'onion',
];

/**
 * Why a host name (not an address) is refused before it is even resolved: a single label
 * (`instance-data`, `ip6-localhost`: only a local resolver answers those), or an internal suffix
 * (`metadata.google.internal`, `localhost.localdomain`, `printer.local`). A trailing dot is the same
 * name. Names that pass are still resolved and every address checked.
 */
export function hostnameProblem(hostname: string): string | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.')) {
    return `"${hostname}" is not a public host name (a single label is resolved only inside a network)`;
  }
  const suffix = INTERNAL_SUFFIXES.find((candidate) => name === candidate || name.endsWith(`.${candidate}`));
  return suffix === undefined ? undefined : `"${hostname}" is an internal name (.${suffix})`;
}
