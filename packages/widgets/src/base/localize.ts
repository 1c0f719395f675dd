import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Catalog, type MessageKey } from '../translations/en.js';
import { fr } from '../translations/fr.js';
import { textDirection } from './text-direction.js';

const catalogs: Readonly<Record<string, Catalog>> = { en, fr };

export const DEFAULT_LANGUAGE = 'en';

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

/** `fr-CA` → the `fr` catalog; an unknown language → English. */
export function catalogFor(locale: string): Catalog {
  const language = locale.split('-')[0]?.toLowerCase() ?? DEFAULT_LANGUAGE;
  return catalogs[locale] ?? catalogs[language] ?? en;
}

export type MessageParams = Readonly<Record<string, string | number>>;

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
 * the host when the page's `lang` changes.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocalizedHost;
  readonly #providerLocale: () => string | undefined;
  #observer: MutationObserver | undefined;
  /**
   * The locale is worked out again only when one of its sources may have
   * changed (it walks up the DOM): the widget's `locale`, the provider's, or a
   * `lang` in the page (the observer below marks it stale).
   */
  #locale = DEFAULT_LANGUAGE;
  #sources: string | undefined;
  #stale = true;

  constructor(host: LocalizedHost, providerLocale: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#providerLocale = providerLocale;
    host.addController(this);
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

  /** Right-to-left scripts (Arabic, Hebrew, …) get `dir="rtl"` on the widget's base. */
  get dir(): 'ltr' | 'rtl' {
    try {
      return textDirection(new Intl.Locale(this.locale));
    } catch {
      return 'ltr';
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /** `{count}` messages in one and other forms: `plural(n, { one: 'sharesOne', other: 'sharesOther' })`. */
  plural(count: number, keys: { one: MessageKey; other: MessageKey }, params?: MessageParams): string {
    const { locale } = this;
    const form = cached(pluralRules, locale, undefined, () => new Intl.PluralRules(locale)).select(count);
    return this.t(form === 'one' ? keys.one : keys.other, { count, ...params });
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

  hostConnected(): void {
    this.#stale = true; // connected somewhere else, under another lang perhaps
    this.#observer = new MutationObserver(() => {
      this.#stale = true;
      this.#host.requestUpdate();
    });
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
