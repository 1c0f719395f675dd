import { escapeHtml } from '@advocacy/server';

/** The languages of the demo pages. */
export type Lang = 'en' | 'fr';

const LANGUAGES: readonly { lang: Lang; name: string }[] = [
  { lang: 'en', name: 'English' },
  { lang: 'fr', name: 'Français' },
];

/** A page's `?lang=`: `fr` picks French; anything else (or nothing) is English. */
export function pickLang(query: unknown): Lang {
  const lang = (query as { lang?: unknown } | undefined)?.lang;
  return lang === 'fr' ? 'fr' : 'en';
}

/** The language switch: one `<li>` link per language, the current one marked `aria-current`. */
export function languageLinks(current: Lang, hrefFor: (lang: Lang) => string): string {
  return LANGUAGES.map(
    (option) =>
      `<li><a href="${escapeHtml(hrefFor(option.lang))}" lang="${option.lang}" hreflang="${option.lang}"${option.lang === current ? ' aria-current="true"' : ''}>${escapeHtml(option.name)}</a></li>`,
  ).join('');
}
