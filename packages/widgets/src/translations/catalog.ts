/**
 * A message that depends on a number: one text per CLDR plural category the
 * language needs (`Intl.PluralRules`), `other` always; `{count}` is the number.
 * English needs `one` and `other`; Polish `one`, `few`, `many`, `other`;
 * Arabic all six.
 */
export type PluralMessage = { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string } & { readonly other: string };

/** The keys of an English catalog whose messages are plain strings. */
export type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** The keys of an English catalog whose messages are plural messages. */
export type PluralKeys<T> = Exclude<keyof T, TextKeys<T>>;

/**
 * A translation of English strings: every key, nothing else (a missing one
 * fails the type-check); a plural message stays a plural message, with the
 * categories the language needs.
 */
export type CatalogOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** A translation of one area's English strings (one file per area under `en/` and `fr/`). */
export type AreaCatalog<T> = CatalogOf<T>;

/** What a registered language may say about itself beside its messages. */
export interface TranslationMeta {
  /** Its writing direction, when the engine's guess from the tag is not the one wanted. */
  readonly $dir?: 'ltr' | 'rtl';
  /** Its name in itself ("Deutsch"), for language pickers. */
  readonly $name?: string;
}
