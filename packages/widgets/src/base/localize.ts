import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PluralMessage } from '../translations/catalog.js';
import { en, type Catalog, type MessageKey, type PluralKey, type Translation } from '../translations/en.js';
import { unwatchLang, watchLang, type LangWatcher } from './lang-observer.js';
import { textDirection } from './text-direction.js';
import { TranslationSet } from './translations.js';

export const DEFAULT_LANGUAGE = 'en';

/**
 * The employee widgets' catalogs: English built in; French a chunk of its
 * own, imported the first time a widget speaks it; others registered by the page.
 */
export const translations = new TranslationSet<Catalog>(en, {
  fr: () => import('../translations/fr.js').then((module) => module.fr),
});

/**
 * Adds a language (or replaces one) for every widget on the page:
 * `registerTranslation('de', de)`, where `de` has every key of the English
 * catalog (type-checked), plural messages with the CLDR categories the
 * language needs, and optionally `$dir` and `$name`. Widgets already showing
 * that language re-render. `de` serves `de-CH` too, unless `de-CH` is registered.
 */
export function registerTranslation(language: string, catalog: Translation): void {
  translations.register(language, catalog);
}

/** Loads the kit's own catalog for `locale` ahead of use (a server render, a test); resolves at once when it is in. */
export async function loadTranslation(locale: string): Promise<void> {
  await translations.load(locale);
}

/** The closest `lang` attribute above `element`, crossing shadow roots. */
export function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || undefined;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return undefined;
}

/** Canonical BCP 47 tag, or undefined for something that is not one. */
export function canonicalLocale(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** `fr-CA` → the `fr` catalog once loaded; a language not (yet) in → English. */
export function catalogFor(locale: string): Catalog {
  return translations.catalog(locale);
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Plural forms given as separate keys, one per CLDR category (`other` always). */
export type PluralKeyForms = { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: MessageKey } & { readonly other: MessageKey };

// Building an Intl formatter costs far more than using one (a leaderboard
// formats dozens of numbers per render), so each is built once per locale and
// options and kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: string, options: object | undefined, build: () => T): T {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));

/** The CLDR plural category of `count` in `locale` (`one`, `few`, `many`…). */
export const pluralCategory = (locale: string, count: number): Intl.LDMLPluralRule =>
  cached(pluralRules, locale, undefined, () => new Intl.PluralRules(locale)).select(count);

/** The text of a plural message for `count`: its category's, else `other`. */
export const pluralText = (locale: string, message: PluralMessage, count: number): string => message[pluralCategory(locale, count)] ?? message.other;

/** Looks a message up and fills its `{name}` parameters (numbers formatted for the locale). */
export function translate(locale: string, key: MessageKey, params?: MessageParams): string {
  return fillMessage(locale, catalogFor(locale)[key], params);
}

/** Fills a message's `{name}` parameters (numbers formatted for the locale); for catalogs loaded apart, such as the admin widgets'. */
export function fillMessage(locale: string, template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** The widget's own `locale` attribute, which wins over everything else. */
  locale?: string | undefined;
}

/**
 * Gives a widget its language: its `locale` attribute, else the nearest
 * `lang` in the page, else the provider's locale, else English. Re-renders
 * the host when a `lang` above it changes (one observer for the whole page)
 * or when its language's catalog arrives. A widget's base holds its update
 * on `ready` so a page in French never shows English first.
 */
export class LocalizeController implements ReactiveController, LangWatcher {
  readonly #host: LocalizedHost;
  readonly #providerLocale: () => string | undefined;
  readonly #sets: TranslationSet<object>[] = [translations];
  /**
   * The locale is worked out again only when one of its sources may have
   * changed (it walks up the DOM): the widget's `locale`, the provider's, or a
   * `lang` in the page (the shared observer marks it stale).
   */
  #locale = DEFAULT_LANGUAGE;
  #sources: string | undefined;
  #stale = true;

  constructor(host: LocalizedHost, providerLocale: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#providerLocale = providerLocale;
    host.addController(this);
  }

  get host(): Element {
    return this.#host;
  }

  get locale(): string {
    const sources = `${this.#host.locale ?? ''}|${this.#providerLocale() ?? ''}`;
    if (this.#stale || sources !== this.#sources) {
      this.#locale = this.#resolveLocale();
      this.#sources = sources;
      this.#stale = false;
    }
    return this.#locale;
  }

  #resolveLocale(): string {
    return (
      canonicalLocale(this.#host.locale) ??
      canonicalLocale(inheritedLang(this.#host)) ??
      canonicalLocale(this.#providerLocale()) ??
      DEFAULT_LANGUAGE
    );
  }

  /** Also waits for (and re-renders on) another set of catalogs: the admin widgets' own. */
  use(set: TranslationSet<object>): void {
    if (!this.#sets.includes(set)) this.#sets.push(set);
  }

  /**
   * While a catalog the widget's language needs is loading: a promise the
   * widget's update waits on (bounded: English after `CATALOG_WAIT_MS`).
   * Undefined when every catalog is in, so an update is never delayed for nothing.
   */
  get ready(): Promise<unknown> | undefined {
    const { locale } = this;
    const waits = this.#sets.map((set) => set.pending(locale)).filter((wait) => wait !== undefined);
    return waits.length === 0 ? undefined : Promise.all(waits);
  }

  /** `dir="rtl"` for right-to-left scripts (Arabic, Hebrew…), or as the registered language's `$dir` says. */
  get dir(): 'ltr' | 'rtl' {
    const declared = translations.catalog(this.locale).$dir;
    if (declared) return declared;
    try {
      return textDirection(new Intl.Locale(this.locale));
    } catch {
      return 'ltr';
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /**
   * A `{count}` message in the form the language uses for `count`
   * (`Intl.PluralRules`: zero, one, two, few, many, other): `plural(n, 'impactReaders')`.
   * Separate keys per category work too: `plural(n, { one: 'aKey', other: 'anotherKey' })`.
   */
  plural(count: number, message: PluralKey | PluralKeyForms, params?: MessageParams): string {
    const { locale } = this;
    const catalog = catalogFor(locale);
    const template =
      typeof message === 'string'
        ? pluralText(locale, catalog[message], count)
        : catalog[message[pluralCategory(locale, count)] ?? message.other];
    return fillMessage(locale, template, { count, ...params });
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return numberFormat(this.locale, options).format(value);
  }

  /** "120 k" in French, "120K" in English. */
  compact(value: number): string {
    return this.number(value, { notation: 'compact', maximumFractionDigits: 1 });
  }

  date(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    const { locale } = this;
    return cached(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options)).format(new Date(value));
  }

  languageChanged(): void {
    this.#stale = true;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#stale = true; // connected somewhere else, under another lang perhaps
    watchLang(this);
  }

  hostDisconnected(): void {
    unwatchLang(this);
  }
}
