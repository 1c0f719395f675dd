import type { Queryable } from '../../packages/server/src/db/db.js';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { newShareCode } from '../../packages/server/src/domain/share-codes.js';

export const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/**
 * An organisation with `count` tracked links (one employee, one content per
 * link), its burst limit raised so that many readers a minute stay
 * credited (docs/honest-figures.md). Returns the codes.
 */
export async function seedTrackedLinks(db: Queryable, count: number): Promise<string[]> {
  const org = await createOrganisation(db, { slug: 'durable', name: 'Durable', allowedDomains: ['durable.example'], jwt: { issuer: 'https://idp.durable.example/', audience: 'durable' } });
  await db.query('UPDATE organisations SET burst_credits_per_minute = 100000 WHERE id = $1', [org.id]);
  const employeeId = crypto.randomUUID();
  await db.query('INSERT INTO employees (id, organisation_id, subject, name) VALUES ($1, $2, $3, $4)', [employeeId, org.id, 'durable', 'Durable']);
  const codes: string[] = [];
  for (let index = 0; index < count; index++) {
    const contentId = crypto.randomUUID();
    const code = newShareCode();
    await db.query('INSERT INTO content (id, organisation_id, title, url, locale) VALUES ($1, $2, $3, $4, $5)', [contentId, org.id, `Job ${index}`, `https://durable.example/jobs/${index}`, 'en']);
    await db.query('INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code) VALUES ($1, $2, $3, $4, $5, $6)', [crypto.randomUUID(), org.id, employeeId, contentId, 'linkedin', code]);
    codes.push(code);
  }
  return codes;
}

/** Reader number `n`'s address: each on its own /24, so no two share a network. */
export const readerAddress = (n: number): string => `10.${(n >> 8) & 255}.${n & 255}.7`;

/** One reader following a link through a trusted proxy; the status, or undefined when no answer came. */
export async function follow(baseUrl: string, code: string, reader: number): Promise<number | undefined> {
  try {
    const response = await fetch(new URL(`/r/${code}`, baseUrl), { redirect: 'manual', headers: { 'user-agent': BROWSER, 'x-forwarded-for': readerAddress(reader) } });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}
