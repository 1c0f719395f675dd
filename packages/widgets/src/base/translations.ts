import type { TranslationMeta } from '../translations/catalog.js';
import { languageArrived } from './lang-observer.js';

/** How long a widget holds its first render for its language's catalog before it shows English. */
export const CATALOG_WAIT_MS = 3_000;

type Loader<C> = () => Promise<C>;

/** `fr-CA` → [`fr-ca`, `fr`]: the catalogs that may serve a locale, the closest first. */
function candidates(locale: string): string[] {
  const exact = locale.toLowerCase();
  const language = exact.split('-')[0]!;
  return language === exact ? [exact] : [exact, language];
}

/**
 * The catalogs of one set of strings (the employee widgets', the admin
 * widgets'), one per language: English built in (the fallback), the kit's
 * other languages imported on first use (each its own chunk in the
 * code-split build), and those an app registers. Each is loaded once per page.
 */
export class TranslationSet<C extends object> {
  readonly #english: C;
  readonly #loaders: Readonly<Record<string, Loader<C>>>;
  readonly #catalogs = new Map<string, C & TranslationMeta>();
  readonly #loading = new Map<string, Promise<void>>();
  readonly #failed = new Set<string>();
  readonly #waitMs: number;

  constructor(english: C, loaders: Readonly<Record<string, Loader<C>>>, waitMs = CATALOG_WAIT_MS) {
    this.#english = english;
    this.#loaders = loaders;
    this.#waitMs = waitMs;
  }

  /** Adds (or replaces) a language's catalog; widgets already showing that language re-render. */
  register(language: string, catalog: C & TranslationMeta): void {
    const key = language.toLowerCase();
    this.#catalogs.set(key, catalog);
    languageArrived(key);
  }

  /** The catalog for `locale` as it stands: its own, else its language's, else English (still loading, failed or unknown). */
  catalog(locale: string): C & TranslationMeta {
    for (const key of candidates(locale)) {
      const catalog = this.#catalogs.get(key);
      if (catalog) return catalog;
    }
    return this.#english;
  }

  /** Loads the catalog for `locale` if the kit has one and it is not in yet; resolves when it is in (or failed). */
  load(locale: string): Promise<void> | undefined {
    for (const key of candidates(locale)) {
      if (key === 'en' || this.#catalogs.has(key)) return undefined;
      const loader = this.#loaders[key];
      if (!loader || this.#failed.has(key)) continue;
      let loading = this.#loading.get(key);
      if (!loading) {
        loading = loader().then(
          (catalog) => this.register(key, catalog),
          (error: unknown) => {
            this.#failed.add(key);
            console.warn(`Advocacy Kit: the "${key}" strings could not be loaded (${String(error)}); the widgets show English.`);
          },
        );
        this.#loading.set(key, loading);
      }
      return loading;
    }
    return undefined;
  }

  /**
   * What a widget in `locale` waits for before it renders: the catalog's
   * load, for at most `CATALOG_WAIT_MS` (then English, and the widget
   * re-renders when the catalog arrives). Undefined when there is nothing to wait for.
   */
  pending(locale: string): Promise<void> | undefined {
    const loading = this.load(locale);
    if (!loading) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#waitMs)));
    return Promise.race([loading, timeout]).finally(() => clearTimeout(timer));
  }
}
