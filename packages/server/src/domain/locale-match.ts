import { sql, type SqlStatement } from '../db/sql.js';

/** A locale filter: `fr` matches `fr` and `fr-CA`, in any letter case. */
export const localeMatches = (column: SqlStatement, locale: string): SqlStatement =>
  sql`(lower(${column}) = lower(${locale}) OR lower(${column}) LIKE lower(${locale}) || '-%')`;
