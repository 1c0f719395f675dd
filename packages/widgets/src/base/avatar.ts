import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { safeUrl } from './safe-url.js';

/**
 * Up to two letters standing in for a missing, refused or broken photo: the
 * first letters of the first and last words (whole code points, so accents
 * and emoji survive). "Maria del Carmen Fernández" → "MF".
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return picked.map((word) => [...word][0] ?? '').join('').toLocaleUpperCase();
}

/** An image that fails to load hides itself, leaving the initials (or nothing) instead of a broken-image icon. */
export function hideBrokenImage(event: Event): void {
  (event.target as HTMLElement).hidden = true;
}

/**
 * A person's photo over their initials (decorative: the name is beside it).
 * The photo is fetched by everyone who sees it, so it leaks as little as it
 * can: no `<img>` at all unless `safeUrl()` accepts the URL (the API already
 * answers null for hosts outside the organisation's allowed image hosts), no
 * referrer, loaded only when near the viewport. A photo that fails to load
 * hides itself and the initials show. Keyed by URL, so a row that gets
 * another person's photo gets a fresh `<img>`, not one still hidden by an
 * earlier failure.
 */
export function avatar(name: string, url: string | null | undefined, size: number, part = 'avatar'): TemplateResult {
  const src = safeUrl(url);
  return html`<span class="avatar" part=${part} aria-hidden="true"
    >${initials(name)}${src
      ? keyed(src, html`<img src=${src} alt="" width=${size} height=${size} loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${hideBrokenImage} />`)
      : nothing}</span
  >`;
}
