/** A translation of one area's English strings: every key, nothing else (a missing one fails the type-check). */
export type AreaCatalog<T> = { readonly [K in keyof T]: string };
