import { randomBytes } from 'node:crypto';

/** 144 random bits, new for every response (a cached page would reuse its nonce, so such pages are never cached). */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export interface StrictCspOptions {
  /** Sources allowed beside 'self' for styles, e.g. the hash of a server-rendered widget's `<style>`. */
  extraStyleSources?: readonly string[];
  /** Where the page's forms may submit: nowhere by default. */
  formAction?: "'none'" | "'self'";
}

/**
 * The Content Security Policy of the demo pages: the strictest a host page can
 * run the widgets under (docs/csp.md explains every directive). Scripts run
 * only from the nonce'd modules and what they import ('strict-dynamic');
 * markup reaches the DOM only through Lit's Trusted Types policy; styles come
 * only from files and Lit's constructable stylesheets; the page calls only its
 * own origin, where the API is.
 */
export function strictCsp(nonce: string, options: StrictCspOptions = {}): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    ["style-src 'self'", ...(options.extraStyleSources ?? [])].join(' '),
    "connect-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    `form-action ${options.formAction ?? "'none'"}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
