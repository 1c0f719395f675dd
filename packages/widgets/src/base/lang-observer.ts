/** A widget's language, as the shared observer below sees it. */
export interface LangWatcher {
  /** The widget element. */
  readonly host: Element;
  /** Its current locale (`fr-CA`), to tell whether a newly registered language is its own. */
  readonly locale: string;
  /** A `lang` above it changed, or its language's catalog arrived: work the locale out again and re-render. */
  languageChanged(): void;
}

const watchers = new Set<LangWatcher>();
let observer: MutationObserver | undefined;

/** Whether `ancestor` is `node` or holds it, across shadow roots. */
function holds(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (current === ancestor) return true;
    const parent: Node | null = current.parentNode;
    current = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return false;
}

function langChanged(records: MutationRecord[]): void {
  const targets = records.map((record) => record.target);
  for (const watcher of watchers) if (targets.some((target) => holds(target, watcher.host))) watcher.languageChanged();
}

/**
 * One observer of `lang` attributes for every widget on the page, instead of
 * one each: it watches the document while at least one widget is connected,
 * and tells only the widgets under the element whose `lang` changed.
 */
export function watchLang(watcher: LangWatcher): void {
  watchers.add(watcher);
  if (observer) return;
  observer = new MutationObserver(langChanged);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

export function unwatchLang(watcher: LangWatcher): void {
  watchers.delete(watcher);
  if (watchers.size > 0) return;
  observer?.disconnect();
  observer = undefined;
}

/** A catalog for `language` (`de`, or `de-CH`) arrived or was registered: the widgets in that language re-render. */
export function languageArrived(language: string): void {
  const wanted = language.toLowerCase();
  for (const watcher of watchers) {
    const locale = watcher.locale.toLowerCase();
    if (locale === wanted || locale.startsWith(`${wanted}-`)) watcher.languageChanged();
  }
}

/** How many `lang` observers are live (0 or 1), for tests. */
export const langObserverCount = (): number => (observer ? 1 : 0);
