import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Catalog, type MessageKey } from '../translations/en.js';
import { fr } from '../translations/fr.js';

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

/** Looks a message up and fills its `{name}` parameters (numbers formatted for the locale). */
export function translate(locale: string, key: MessageKey, params?: MessageParams): string {
  const template = catalogFor(locale)[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
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

  constructor(host: LocalizedHost, providerLocale: () => string | undefined = () => undefined) {
    this.#host = host;
    this.#providerLocale = providerLocale;
    host.addController(this);
  }

  get locale(): string {
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
      const info = new Intl.Locale(this.locale) as Intl.Locale & { getTextInfo?: () => { direction: string } };
      return info.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
    } catch {
      return 'ltr';
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /** `{count}` messages in one and other forms: `plural(n, { one: 'sharesOne', other: 'sharesOther' })`. */
  plural(count: number, keys: { one: MessageKey; other: MessageKey }, params?: MessageParams): string {
    const form = new Intl.PluralRules(this.locale).select(count);
    return this.t(form === 'one' ? keys.one : keys.other, { count, ...params });
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  /** "120 k" in French, "120K" in English. */
  compact(value: number): string {
    return this.number(value, { notation: 'compact', maximumFractionDigits: 1 });
  }

  date(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(new Date(value));
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
