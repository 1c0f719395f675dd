/** Strings of the share widgets. Keys are prefixed by widget so catalogs never collide. */
export const share = {} as const;
