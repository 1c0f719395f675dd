/** Strings of the leaderboard widgets. Keys are prefixed by widget so catalogs never collide. */
export const leaderboard = {} as const;
