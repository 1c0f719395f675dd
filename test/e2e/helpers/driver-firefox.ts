// The journeys' driver over Firefox ESR: puppeteer-core over WebDriver BiDi on
// the machine's own Firefox (/usr/bin/firefox-esr or FIREFOX_PATH), never a
// downloaded one. playwright-core cannot drive Debian's Firefox.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Driver, Engine, JourneyPage, PageOptions } from './driver.js';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] || '/usr/bin/firefox-esr';

async function launchFirefox(prefs: Record<string, unknown>): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: install it with \`sudo apt-get install -y firefox-esr\`, or set FIREFOX_PATH.`);
  }
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: prefs });
}

function wrap(page: Page, closeContext: () => Promise<void>): JourneyPage {
  const requests: string[] = [];
  const failures: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  // The same list as page-failures.ts records in Chromium (BiDi calls a warning "warn").
  page.on('console', (message) => {
    const type: string = message.type();
    if (type === 'error' || type === 'warn' || type === 'warning') failures.push(`console ${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => failures.push(`failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return {
    requests,
    failures,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    waitFor: async (fn, arg, timeoutMs = 20_000) => void (await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: timeoutMs, polling: 50 }, arg)),
    press: (key) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
    // A pointer click at the element's centre: page.click() never returns on a page with JavaScript off.
    async click(selector) {
      const point = await page.evaluate((steps) => {
        let element: Element | null | undefined = document.querySelector(steps[0]!);
        for (const step of steps.slice(1)) element = element?.shadowRoot?.querySelector(step);
        if (!element) return undefined;
        element.scrollIntoView({ block: 'center', inline: 'nearest' });
        const box = element.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }, selector.split(' >>> '));
      if (!point) throw new Error(`nothing on the page matches ${selector}`);
      await page.mouse.click(point.x, point.y);
    },
    select: async (selector, value) => void (await page.select(selector, value)),
    async navigation(action) {
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
    },
    async nextWindow(action) {
      // The first request of the new window is the address it asked for; the window is created before it goes out.
      const asked = new Promise<string>((resolve) => {
        page.once('popup', (opened) => {
          if (!opened) return;
          opened.once('request', (request) => {
            resolve(request.url());
            void opened.close().catch(() => undefined);
          });
        });
      });
      await action();
      return asked;
    },
    close: closeContext,
  };
}

export const firefoxEngine: Engine = {
  name: 'Firefox ESR',
  async launch({ offlineHosts }): Promise<Driver> {
    // The share dialogs' hosts resolve to this machine, where nothing answers on 443: no request reaches the network.
    const prefs = { 'network.dns.localDomains': offlineHosts.join(',') };
    const browser = await launchFirefox(prefs);
    // BiDi Firefox has no per-page switch for JavaScript (emulation.setScriptingEnabled is unknown to it): a second
    // browser with the preference off, started on first use. The test's own script calls still run there (privileged).
    let withoutJavaScript: Promise<Browser> | undefined;
    return {
      async newPage({ javaScript = true, beforeScripts }: PageOptions = {}) {
        const owner = javaScript ? browser : await (withoutJavaScript ??= launchFirefox({ ...prefs, 'javascript.enabled': false }));
        const context = await owner.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        if (beforeScripts) await page.evaluateOnNewDocument(beforeScripts);
        return wrap(page, () => context.close());
      },
      async close() {
        await Promise.all([browser.close(), withoutJavaScript?.then((other) => other.close())]);
      },
    };
  },
};
