import { cursorCodec } from './cursor.js';
import type { TimeIdPosition } from './time-id-cursor.js';

/** A keyset position in the people list: (first sign-in desc, id desc). */
export type PersonPosition = TimeIdPosition;

const codec = cursorCodec('time', 'uuid');

export function encodePersonCursor(position: PersonPosition): string {
  return codec.encode([position.at, position.id]);
}

/** The position a cursor names; a forged one is a 400 `invalid-cursor`, never a failing query. */
export function decodePersonCursor(cursor: string | undefined): PersonPosition | undefined {
  const position = codec.decode(cursor);
  return position && { at: position[0], id: position[1] };
}
