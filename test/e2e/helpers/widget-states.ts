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
