// The demo intranet as a person sees it minutes after a period began: the
// server runs under Debian's libfaketime (its clock set to 00:05 on the
// 1st), started in a fresh data folder exactly as `npm start` starts it.
// "Your impact", "Our programme" and the leaderboard must show figures for
// this week, this month and this quarter, never the empty state.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';
import { widgetStates } from './helpers/widget-states.js';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const missing = existsSync(LIBFAKETIME) ? false : `needs Debian's libfaketime (${LIBFAKETIME}): sudo apt-get install -y faketime`;

/** Sets a widget's period, and waits for it to have loaded that period (its next adv-load or adv-error), unless it already shows it. */
async function showPeriod(page: Page, tag: string, period: string): Promise<void> {
  await page.evaluate(
    ([name, value]) =>
      new Promise<void>((resolve) => {
        const element = document.querySelector(name!)!;
        const loaded = element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false';
        if (element.getAttribute('period') === value && loaded) return resolve();
        element.addEventListener('adv-load', () => resolve(), { once: true });
        element.addEventListener('adv-error', () => resolve(), { once: true });
        element.setAttribute('period', value!);
      }),
    [tag, period],
  );
}

for (const fakeNow of ['2027-01-01 00:05:00', '2027-03-01 00:05:00']) {
  describe(`the demo intranet at ${fakeNow} UTC, started in a fresh data folder`, { skip: missing }, () => {
    let stack: Stack;
    let browser: Browser;
    before(async () => {
      // "@" starts the clock there and lets it run, as a real server's would.
      [stack, browser] = await Promise.all([startStack({ LD_PRELOAD: LIBFAKETIME, FAKETIME: `@${fakeNow}`, TZ: 'UTC', FAKETIME_DONT_RESET: '1' }), launchBrowser()]);
    });
    after(async () => {
      await browser?.close();
      await stack?.stop();
    });

    it('shows the featured employee’s impact, the programme and a leaderboard for this week, this month and this quarter', async () => {
      // The server's clock is the faked one: this month began at midnight.
      const demo = (await (await fetch(`${stack.url}/v1/demo`)).json()) as { publishableKey: string };
      const month = (await (await fetch(`${stack.url}/v1/stats/public?period=month`, { headers: { authorization: `Bearer ${demo.publishableKey}`, origin: stack.url } })).json()) as { periodStart: string; periodEnd: string };
      assert.deepEqual([month.periodStart, month.periodEnd], [fakeNow.slice(0, 10), fakeNow.slice(0, 10)]);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${stack.url}/demo/intranet`);
      for (const period of ['week', 'month', 'quarter'] as const) {
        for (const tag of ['adv-my-impact', 'adv-program-stats', 'adv-leaderboard']) {
          await showPeriod(page, tag, period);
        }
        const states = await widgetStates(page);
        for (const tag of ['adv-my-impact', 'adv-program-stats', 'adv-leaderboard']) assert.equal(states[tag], 'ready', `${tag} for this ${period}`);
        const rows = await page.locator('adv-leaderboard').locator('[part~="row"]').count();
        assert.ok(rows > 0, `the leaderboard ranks someone this ${period}`);
        assert.doesNotMatch(await page.locator('adv-my-impact').locator('[part~="base"]').innerText(), /Nothing shared/);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
