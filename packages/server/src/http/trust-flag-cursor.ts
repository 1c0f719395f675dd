import { cursorCodec } from './cursor.js';
import type { TimeIdPosition } from './time-id-cursor.js';

/** A keyset position in the review list: open flags first, then (created_at desc, id desc) within each. */
export interface TrustFlagPosition extends TimeIdPosition {
  reviewed: boolean;
}

const codec = cursorCodec('flag', 'time', 'uuid');

export function encodeTrustFlagCursor(position: TrustFlagPosition): string {
  return codec.encode([position.reviewed, position.at, position.id]);
}

/** The position a cursor names; a forged one is a 400 `invalid-cursor`, never a failing query. */
export function decodeTrustFlagCursor(cursor: string | undefined): TrustFlagPosition | undefined {
  const position = codec.decode(cursor);
  return position && { reviewed: position[0], at: position[1], id: position[2] };
}
