const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one gate every URL from data passes before it reaches an `href` or a
 * `src`: absolute `https:` only, or `http:` on a loopback host for local
 * development. Anything else (`javascript:`, `data:`, relative paths, typos)
 * gives `undefined`, and the caller renders no link or image.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return undefined;
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url.href;
  return undefined;
}
