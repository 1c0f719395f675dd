import type { Queryable } from '../db/db.js';
import { run, sql } from '../db/sql.js';
import { HttpProblem } from '../http/problem.js';

/**
 * Whether an avatar URL may be shown: https, on one of the programme's
 * avatar hosts or a subdomain of one. Every colleague's browser fetches an
 * avatar, which tells its host their address; only hosts the organisation
 * chose may learn it.
 */
export function isAllowedAvatar(url: string, hosts: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname, username, password } = new URL(url);
  if (protocol !== 'https:' || username || password) return false;
  return hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`));
}

/** The stored avatar if it may still be shown (the hosts can change after it was set), else null: initials. */
export const shownAvatar = (url: string | null, hosts: readonly string[]): string | null => (url !== null && isAllowedAvatar(url, hosts) ? url : null);

export async function loadAvatarHosts(db: Queryable, organisationId: string): Promise<string[]> {
  const { rows } = await run<{ avatar_hosts: string[] }>(db, sql`SELECT avatar_hosts FROM organisations WHERE id = ${organisationId}`);
  return rows[0]?.avatar_hosts ?? [];
}

/** A 400 for an avatar on a host the programme does not allow, saying which ones it does. */
export function avatarHostRefused(hosts: readonly string[]): HttpProblem {
  const detail =
    hosts.length === 0
      ? 'This programme accepts no avatar URL: ask the programme admin to allow an image host (avatarHosts).'
      : `Avatars may only come from ${hosts.join(', ')} (or a subdomain), over https.`;
  return new HttpProblem(400, 'validation-failed', {
    title: 'Bad Request',
    detail,
    errors: [{ field: 'body.avatarUrl', message: hosts.length === 0 ? 'no avatar host is allowed' : `not on ${hosts.join(', ')}` }],
  });
}
