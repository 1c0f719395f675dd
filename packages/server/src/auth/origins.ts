import { isLoopbackOrigin } from '../http/client-address.js';

/**
 * `scheme://host[:port]` of a URL string, as browsers send in `Origin`, or
 * undefined when it is not an http(s) origin (`null`, garbage, paths).
 */
export function normaliseOrigin(value: string | undefined): string | undefined {
  if (!value || value === 'null' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  if (value.replace(/\/$/, '') !== url.origin) return undefined;
  return url.origin;
}

/**
 * The one wildcard an allowed-origins list may hold: every page on this
 * machine, whatever its port and scheme (`http://localhost:3000`,
 * `http://127.0.0.1:5173`, `http://[::1]:8080`, `https://app.localhost:4000`). Demo mode gives it to
 * the demo organisation and its publishable key, so a newcomer's own page
 * works with no set-up; nothing else ever adds it.
 */
export const ANY_LOOPBACK_ORIGIN = 'http://loopback:*';

/**
 * Exact match on scheme, host and port (`allowed.example.evil.example` is not
 * `allowed.example`), or any loopback origin when the list holds
 * `ANY_LOOPBACK_ORIGIN`.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  const normalised = normaliseOrigin(origin);
  if (normalised === undefined) return false;
  if (allowed.includes(normalised)) return true;
  return allowed.includes(ANY_LOOPBACK_ORIGIN) && isLoopbackOrigin(normalised);
}

/** The problem detail for a page whose origin a key or organisation does not allow: what is wrong and the command that fixes it. */
export function originNotAllowedDetail(origin: string | undefined, what: 'key' | 'tokens'): string {
  const page = normaliseOrigin(origin);
  if (!page) return `This page has no usable origin (${JSON.stringify(origin ?? null)}), so it cannot use this ${what === 'key' ? 'key' : 'organisation’s employee tokens'}.`;
  return what === 'key'
    ? `This page (${page}) is not allowed to use this key. An admin can create a key for it with \`advocacy-admin keys create publishable --origin ${page}\`.`
    : `This page (${page}) is not allowed to use this organisation’s employee tokens. An admin can allow it with \`advocacy-admin origins add ${page}\`.`;
}
