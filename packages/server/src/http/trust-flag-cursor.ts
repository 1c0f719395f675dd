import { decodeCursor, encodeCursor } from './cursor.js';
import { HttpProblem } from './problem.js';
import { positionOf, type TimeIdPosition } from './time-id-cursor.js';

/** A keyset position in the review list: open flags first, then (created_at desc, id desc) within each. */
export interface TrustFlagPosition extends TimeIdPosition {
  reviewed: boolean;
}

export function encodeTrustFlagCursor(position: TrustFlagPosition): string {
  return encodeCursor([position.reviewed ? 1 : 0, position.at, position.id]);
}

/** The position a cursor names; a forged one is a 400, never a failing query. */
export function decodeTrustFlagCursor(cursor: string | undefined): TrustFlagPosition | undefined {
  const values = decodeCursor(cursor, 3);
  if (values === undefined) return undefined;
  const [reviewed, ...rest] = values;
  const position = positionOf(rest);
  if ((reviewed !== 0 && reviewed !== 1) || !position) {
    throw new HttpProblem(400, 'invalid-cursor', {
      detail: 'The cursor is not one this API gave out. Start again without it.',
      errors: [{ field: 'query.cursor', message: 'not a cursor from a previous page' }],
    });
  }
  return { reviewed: reviewed === 1, ...position };
}
