import { IsoDateTimeSchema } from '@advocacy/sdk/contract';
import { HttpProblem } from './problem.js';

/**
 * Keyset cursors: a position in a listing, opaque for clients (base64url of
 * a JSON array). Each keyset has one codec naming the kind of every field,
 * and a cursor is decoded only when every field is of its kind and one
 * Postgres accepts, so a forged cursor is a 400 `invalid-cursor`, never a
 * failing query.
 */
export type CursorFieldKind = 'time' | 'uuid' | 'integer' | 'flag';

/** `time`: a timestamptz as text with all six fractional digits (see `cursorTime`); `flag`: sent as 0 or 1. */
type FieldValue<K extends CursorFieldKind> = K extends 'integer' ? number : K extends 'flag' ? boolean : string;
export type CursorPosition<Kinds extends readonly CursorFieldKind[]> = { -readonly [I in keyof Kinds]: FieldValue<Kinds[I]> };

export interface CursorCodec<Kinds extends readonly CursorFieldKind[]> {
  encode(position: CursorPosition<Kinds>): string;
  /** The position a cursor names, undefined without one; a forged one is a 400 `invalid-cursor`. */
  decode(cursor: string | undefined): CursorPosition<Kinds> | undefined;
}

/** Any letter case, any version: whatever Postgres reads as a uuid, and nothing else. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The field's value, or undefined when it is not of its kind. */
function readField(kind: CursorFieldKind, value: unknown): string | number | boolean | undefined {
  switch (kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? value : undefined;
    case 'time':
      // Impossible dates and year 0000 would make Postgres fail: refuse them here.
      return typeof value === 'string' && !value.startsWith('0000') && IsoDateTimeSchema.safeParse(value).success ? value : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'flag':
      return value === 1 ? true : value === 0 ? false : undefined;
  }
}

export const invalidCursor = (): HttpProblem =>
  new HttpProblem(400, 'invalid-cursor', {
    detail: 'The cursor is not one this API gave out. Start again without it.',
    errors: [{ field: 'query.cursor', message: 'not a cursor from a previous page' }],
  });

/** The codec of a keyset whose fields are of `kinds`, in order. */
export function cursorCodec<const Kinds extends readonly CursorFieldKind[]>(...kinds: Kinds): CursorCodec<Kinds> {
  return {
    encode: (position) => encodeCursor((position as readonly (string | number | boolean)[]).map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value))),
    decode(cursor) {
      if (cursor === undefined) return undefined;
      let values: unknown;
      try {
        values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      if (!Array.isArray(values) || values.length !== kinds.length) throw invalidCursor();
      const position = kinds.map((kind, index) => readField(kind, values[index]));
      if (position.includes(undefined)) throw invalidCursor();
      return position as CursorPosition<Kinds>;
    },
  };
}

/** Base64url of the JSON array of `values` (tests use it to forge cursors). */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** SQL for a timestamptz column as the text a `time` field carries: Postgres' full microsecond precision, which a JS Date would round. */
export const cursorTime = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
