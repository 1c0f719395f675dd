import { cursorCodec } from './cursor.js';

export { cursorTime } from './cursor.js';

/**
 * A keyset position on (timestamp desc or asc, id): content, shares, the
 * public testimonials and the moderation queue. The timestamp travels as
 * text with Postgres' full microsecond precision (see `cursorTime`).
 */
export interface TimeIdPosition {
  at: string;
  id: string;
}

const codec = cursorCodec('time', 'uuid');

export function encodeTimeIdCursor(position: TimeIdPosition): string {
  return codec.encode([position.at, position.id]);
}

/** The position a cursor names; a forged one is a 400 `invalid-cursor`, never a failing query. */
export function decodeTimeIdCursor(cursor: string | undefined): TimeIdPosition | undefined {
  const position = codec.decode(cursor);
  return position && { at: position[0], id: position[1] };
}
