// The journeys' driver over Chromium: playwright-core on the machine's own
// browser (launchBrowser(): /usr/bin/chromium or CHROME_PATH).
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import type { Driver, Engine, JourneyPage, PageOptions } from './driver.js';
import { recordFailures } from './page-failures.js';

function locate(page: Page, selector: string): Locator {
  // Playwright's CSS already looks inside open shadow roots: each step is searched inside the element before it.
  const [first, ...rest] = selector.split(' >>> ');
  return rest.reduce((locator, step) => locator.locator(step), page.locator(first!));
}

function wrap(context: BrowserContext, page: Page): JourneyPage {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const failures = recordFailures(page);
  return {
    requests,
    failures,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg),
    waitFor: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs })),
    press: (key) => page.keyboard.press(key),
    click: (selector) => locate(page, selector).first().click(),
    select: async (selector, value) => void (await locate(page, selector).selectOption(value)),
    async navigation(action) {
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before, { waitUntil: 'load' }), action()]);
    },
    async nextWindow(action) {
      const [opened] = await Promise.all([context.waitForEvent('page'), action()]);
      await opened.waitForURL(/^https?:/);
      const url = opened.url();
      await opened.close();
      return url;
    },
    close: () => context.close(),
  };
}

export const chromiumEngine: Engine = {
  name: 'Chromium',
  async launch({ offlineHosts }): Promise<Driver> {
    const browser = await launchBrowser();
    const offline = (url: URL) => offlineHosts.includes(url.hostname);
    return {
      async newPage({ javaScript = true, beforeScripts }: PageOptions = {}) {
        const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
        await context.route(offline, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>share dialog</title>' }));
        if (beforeScripts) await context.addInitScript(beforeScripts);
        return wrap(context, await context.newPage());
      },
      close: () => browser.close(),
    };
  },
};
