import type { Page } from 'playwright-core';

/**
 * Waits until every data widget on the page (every `adv-*` element in the
 * document but the providers) has left its loading state, and says what each
 * shows: `ready`, `empty`, or `error: <its message>`.
 */
export async function widgetStates(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(
    () => {
      const widgets = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('adv-') && element.localName !== 'adv-provider');
      return widgets.length > 0 && widgets.every((widget) => widget.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false');
    },
    undefined,
    { timeout: 20_000 },
  );
  return page.evaluate(() => {
    const states: Record<string, string> = {};
    for (const element of document.querySelectorAll('*')) {
      if (!element.localName.startsWith('adv-') || element.localName === 'adv-provider') continue;
      const root = element.shadowRoot!;
      const error = root.querySelector('[part~="error"]');
      states[element.localName] = error ? `error: ${error.textContent!.replace(/\s+/g, ' ').trim()}` : root.querySelector('[part~="empty"]') ? 'empty' : 'ready';
    }
    return states;
  });
}

/**
 * In the page: whether the intranet's data widgets (at least six, share cards
 * inside the feed included, in every shadow root) have all left their loading
 * state. Passed to a driver's waitFor, as is: no named inner functions, which
 * the test's TypeScript loader would wrap in a helper the page lacks.
 */
export function intranetWidgetsReady(): boolean {
  const widgets: Element[] = [];
  const roots: (Document | ShadowRoot)[] = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName.startsWith('adv-') && element.localName !== 'adv-provider') widgets.push(element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return widgets.length >= 6 && widgets.every((widget) => widget.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false');
}
