import ipaddr from 'ipaddr.js';

// Everything the server decides from a client's address or a host name lives
// here: which network a visitor counts as, what is "this machine", and which
// proxies may say who the client is. Never a second copy elsewhere.

/** An address as the socket or a proxy gives it; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4. */
export function parseAddress(ip: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ip || !ipaddr.isValid(ip)) return undefined;
  return ipaddr.process(ip);
}

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback. */
export function isLoopbackAddress(ip: string | undefined): boolean {
  return parseAddress(ip)?.range() === 'loopback';
}

/**
 * A host name that can only mean this machine: `localhost`, any
 * `*.localhost` (RFC 6761), a loopback IP literal (`127.x.x.x`, `[::1]`).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const literal = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  // Only dotted quads and IPv6 literals: ipaddr.js also reads "127.1" and "0x7f.1", which browsers would rewrite first.
  if (!/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*)$/.test(literal)) return false;
  return isLoopbackAddress(literal);
}

/** An http(s) origin on this machine (see `isLoopbackHostname`). */
export function isLoopbackOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname);
}

/** IPv6 networks a visitor is counted in: a /48 is a site, a /56 a home or small office line. */
export type Ipv6PrefixLength = 48 | 56;

/**
 * The network an address belongs to, not the address: /24 for IPv4, /48
 * (or /56) for IPv6, as `198.51.100.0/24` or `2001:db8:1::/48`. Visitors
 * behind one office router or a carrier's NAT share it, which is the point:
 * no raw IP is ever kept or hashed. `unknown` for anything unparsable.
 */
export function networkPrefix(ip: string | undefined, ipv6Bits: Ipv6PrefixLength = 48): string {
  const address = parseAddress(ip);
  if (!address) return 'unknown';
  const bits = address.kind() === 'ipv4' ? 24 : ipv6Bits;
  const bytes = address.toByteArray().map((byte, index) => (index * 8 >= bits ? 0 : byte));
  return `${ipaddr.fromByteArray(bytes).toString()}/${bits}`;
}

/**
 * Whom a rate limit counts: an IPv4 address alone (offices share few), an
 * IPv6 client by its /56, since one subscriber gets a whole prefix and could
 * otherwise take a fresh bucket for every request.
 */
export function clientNetwork(ip: string | undefined): string {
  const address = parseAddress(ip);
  if (!address) return ip ?? 'unknown';
  return address.kind() === 'ipv4' ? address.toString() : networkPrefix(ip, 56);
}

/** `TRUST_PROXY` read: a hop count, or the proxies' addresses and networks. */
export type TrustProxy = number | string[];

/**
 * What Fastify's `trustProxy` takes. Fastify 5 ignores a bare hop count
 * (a client reaching the server directly could forge the hops), so a count
 * becomes "trust the nearest N hops": right only when the server cannot be
 * reached but through those proxies, which the docs say. Addresses and
 * networks check each hop and are the safer choice.
 */
export function fastifyTrustProxy(trust: TrustProxy): string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/**
 * Reads `TRUST_PROXY`: a number of proxy hops in front of the server (`1`
 * for one load balancer), or a comma-separated list of the proxies'
 * addresses or CIDR networks (`10.0.0.0/8, 2001:db8::/32, 127.0.0.1`).
 * Only those may set `X-Forwarded-For`; everyone else is their socket's
 * address. Throws a readable message on anything else.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error(`TRUST_PROXY must be a hop count from 1 to 10, or a list of addresses and networks, not "${value}".`);
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('TRUST_PROXY is empty: give a hop count or a list of addresses and networks.');
  for (const entry of entries) {
    const valid = entry.includes('/') ? isCidr(entry) : ipaddr.isValid(entry);
    if (!valid) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or a CIDR network (e.g. 10.0.0.0/8).`);
  }
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
