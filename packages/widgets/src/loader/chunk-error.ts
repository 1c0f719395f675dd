/**
 * What a tag becomes when its chunk cannot be loaded (offline, blocked, or
 * refused because its bytes do not match the integrity the page pinned): the
 * widgets' error state, in the page's language, and an `adv-error` event.
 * Kept free of Lit: the chunk that failed may be the one that carries it.
 * Content a server rendered stays as it is: it still reads without script.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  en: 'This part of the page could not be loaded. Reload the page; if it happens again, tell the team that runs this site.',
  fr: 'Cette partie de la page n’a pas pu être chargée. Rechargez la page ; si cela se reproduit, prévenez l’équipe qui gère ce site.',
};

function languageOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  const language = (lang || 'en').split('-')[0]!.toLowerCase();
  return language in MESSAGES ? language : 'en';
}

export function chunkErrorElement(error: Error): CustomElementConstructor {
  return class extends HTMLElement {
    connectedCallback(): void {
      this.dispatchEvent(new CustomEvent('adv-error', { bubbles: true, composed: true, detail: { error } }));
      if (this.shadowRoot) return;
      const language = languageOf(this);
      const base = document.createElement('div');
      base.setAttribute('part', 'base');
      base.setAttribute('aria-busy', 'false');
      base.lang = language;
      const message = document.createElement('p');
      message.setAttribute('part', 'error');
      message.setAttribute('role', 'alert');
      message.textContent = MESSAGES[language]!;
      base.append(message);
      this.attachShadow({ mode: 'open' }).append(base);
    }
  };
}
