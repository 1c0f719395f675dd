/**
 * A plain host name such as `mastodon.social`: dot-separated DNS labels, the
 * last one starting with a letter. No scheme, path, port, credentials or IP
 * address, so an intent URL built on it can only point at that host.
 * Written without flags or look-behind so it also serves as a JSON Schema `pattern`.
 */
export const INSTANCE_HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export const INSTANCE_HOST_MAX_LENGTH = 253;

export function isInstanceHost(value: string): boolean {
  return value.length <= INSTANCE_HOST_MAX_LENGTH && INSTANCE_HOST_PATTERN.test(value);
}
