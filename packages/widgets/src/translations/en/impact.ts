/** Strings of the impact widgets. Keys are prefixed by widget so catalogs never collide. */
export const impact = {} as const;
