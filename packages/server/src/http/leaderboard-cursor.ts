import { cursorCodec } from './cursor.js';

/** A keyset position in a leaderboard: (points desc, employee id). */
export interface LeaderboardPosition {
  points: number;
  employeeId: string;
}

const codec = cursorCodec('integer', 'uuid');

export function encodeLeaderboardCursor(position: LeaderboardPosition): string {
  return codec.encode([position.points, position.employeeId]);
}

/** The position a cursor names; a forged one is a 400 `invalid-cursor`, never a failing query. */
export function decodeLeaderboardCursor(cursor: string | undefined): LeaderboardPosition | undefined {
  const position = codec.decode(cursor);
  return position && { points: position[0], employeeId: position[1] };
}
