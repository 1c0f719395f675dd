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

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const missing = existsSync(LIBFAKETIME) ? false : `needs Debian's libfaketime (${LIBFAKETIME}): sudo apt-get install -y faketime`;

/** What one widget shows once loaded: its state (from its parts) and its text. */
async function widgetState(page: Page, tag: string): Promise<{ state: 'empty' | 'error' | 'ready' | 'loading'; text: string }> {
  await page.waitForFunction((name) => document.querySelector(name)?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false', tag);
  return page.evaluate((name) => {
    const root = document.querySelector(name)!.shadowRoot!;
    const state = root.querySelector('[part~="empty"]') ? 'empty' : root.querySelector('[part~="error"]') ? 'error' : 'ready';
    return { state, text: (root.querySelector('[part~="base"]')?.textContent ?? '').replace(/\s+/g, ' ').trim() } as const;
  }, tag);
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
          await page.evaluate(([name, value]) => document.querySelector(name!)!.setAttribute('period', value!), [tag, period]);
          const shown = await widgetState(page, tag);
          assert.equal(shown.state, 'ready', `${tag} for this ${period}: ${shown.text}`);
        }
        const rows = await page.locator('adv-leaderboard').locator('[part~="row"]').count();
        assert.ok(rows > 0, `the leaderboard ranks someone this ${period}`);
        const impact = await widgetState(page, 'adv-my-impact');
        assert.doesNotMatch(impact.text, /Nothing shared/);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
