import { IsoDateTimeSchema, UuidSchema } from '@advocacy/sdk/contract';
import { decodeCursor, encodeCursor } from './cursor.js';
import { HttpProblem } from './problem.js';

/**
 * A keyset position on (timestamp desc, id desc). The timestamp travels as
 * text with Postgres' full microsecond precision: a JavaScript Date keeps
 * milliseconds only, and a rounded position would skip rows.
 */
export interface TimeIdPosition {
  at: string;
  id: string;
}

/** SQL for a timestamptz column as the text a cursor carries. */
export const cursorTime = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The position in decoded cursor values, or undefined when a field is not one this API gave out. */
export function positionOf([at, id]: readonly unknown[]): TimeIdPosition | undefined {
  if (typeof at !== 'string' || typeof id !== 'string') return undefined;
  // Impossible dates and year 0000 would make Postgres fail: refuse them here.
  if (at.startsWith('0000') || !IsoDateTimeSchema.safeParse(at).success || !UuidSchema.safeParse(id).success) return undefined;
  return { at, id };
}

export function encodeTimeIdCursor(position: TimeIdPosition): string {
  return encodeCursor([position.at, position.id]);
}

/** The position a cursor names; a forged one is a 400, never a failing query. */
export function decodeTimeIdCursor(cursor: string | undefined): TimeIdPosition | undefined {
  const values = decodeCursor(cursor, 2);
  if (values === undefined) return undefined;
  const position = positionOf(values);
  if (!position) {
    throw new HttpProblem(400, 'invalid-cursor', {
      detail: 'The cursor is not one this API gave out. Start again without it.',
      errors: [{ field: 'query.cursor', message: 'not a cursor from a previous page' }],
    });
  }
  return position;
}
