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

/** Exact match on scheme, host and port: `allowed.example.evil.example` is not `allowed.example`. */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  const normalised = normaliseOrigin(origin);
  return normalised !== undefined && allowed.includes(normalised);
}
