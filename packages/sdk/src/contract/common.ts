import * as z from 'zod/mini';
import { NETWORKS, PERIODS } from './constants.js';

export { NETWORKS, PERIODS } from './constants.js';

export const UuidSchema = z.uuid();

/** Networks an employee can share to. */
export const NetworkSchema = z.enum(NETWORKS);
export type Network = z.infer<typeof NetworkSchema>;

/** BCP 47 language tag, e.g. `fr` or `en-GB`. */
export const LocaleSchema = z.string().check(
  z.minLength(2),
  z.maxLength(35),
  z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "fr" or "en-GB"'),
);

/** Leaderboard and stats periods. */
export const PeriodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof PeriodSchema>;

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** An absolute https URL without credentials (http only on loopback hosts, for local development). */
export const HttpsUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
  }, 'an absolute https URL without user name or password'),
);

/** Short free text: trimmed, 1 to `max` characters. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** `?limit=` as sent in a query string: 1 to 100, default 20. */
export const LimitQuerySchema = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20);

/** Opaque cursor from a previous page's `nextCursor`. */
export const CursorSchema = z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/));

/** A page of a list: the items and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** A calendar day, e.g. `2026-11-23`. */
export const IsoDateSchema = z.iso.date();
