import { HttpProblem } from './problem.js';

/** Keyset position, encoded opaque for clients: base64url of a JSON array. */
export type CursorValues = readonly (string | number)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` with `arity` values; a forged or stale one is a 400. */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new HttpProblem(400, 'invalid-cursor', {
    detail: 'The cursor is not one this API gave out. Start again without it.',
    errors: [{ field: 'query.cursor', message: 'not a cursor from a previous page' }],
  });
}
