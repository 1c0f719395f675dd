/** Strings of the testimonials widgets. Keys are prefixed by widget so catalogs never collide. */
export const testimonials = {} as const;
