import { HttpProblem } from '../http/problem.js';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `Acme.Example` → `acme.example`, the way WHATWG URL parsing writes a host (IDN as punycode). */
export function normaliseDomain(domain: string): string | undefined {
  const candidate = `https://${domain.trim()}/`;
  if (!URL.canParse(candidate)) return undefined;
  const { hostname, pathname, port } = new URL(candidate);
  return pathname === '/' && port === '' ? hostname : undefined;
}

/** Whether `host` is one of `allowedDomains` or a subdomain of one. Both sides are compared as punycode. */
export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  return allowedDomains.some((domain) => {
    const allowed = normaliseDomain(domain);
    return allowed !== undefined && (host === allowed || host.endsWith(`.${allowed}`));
  });
}

/**
 * Checks a content destination and returns it WHATWG-normalised. Tracked
 * links redirect only to what this accepted: `https:`, no user name or
 * password, no IP address or unusual port, and a host on one of the
 * organisation's allowed domains. Look-alike IDN hosts fail because the
 * comparison is on the punycode form (`аcme.example` is `xn--cme-8cd.example`).
 */
export function checkDestination(value: string, allowedDomains: readonly string[], field = 'body.url'): string {
  const refuse = (message: string): never => {
    throw new HttpProblem(422, 'destination-not-allowed', {
      title: 'Unprocessable Content',
      detail: `The destination is refused: ${message}.`,
      errors: [{ field, message }],
    });
  };
  if (!URL.canParse(value)) refuse('not an absolute URL');
  const url = new URL(value);
  if (url.protocol !== 'https:') refuse('only https: destinations are allowed');
  if (url.username !== '' || url.password !== '') refuse('a user name or password in the URL is not allowed');
  if (url.port !== '') refuse('only the default https port is allowed');
  if (IPV4.test(url.hostname) || url.hostname.startsWith('[')) refuse('an IP address is not allowed; use a domain name');
  if (!isAllowedHost(url.hostname, allowedDomains)) {
    refuse(`${url.hostname} is not one of the organisation’s allowed domains (${allowedDomains.join(', ') || 'none set'})`);
  }
  return url.href;
}
