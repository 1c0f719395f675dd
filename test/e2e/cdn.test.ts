// The CDN bundle on the real stack: one script registers every widget, and a
// second copy on the same page does not throw.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

const TAGS = ['adv-provider', 'adv-share-card', 'adv-share-feed', 'adv-leaderboard', 'adv-testimonials', 'adv-testimonial-form', 'adv-my-impact', 'adv-program-stats'];

describe('the CDN bundle on the running stack', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('registers every widget from one script tag, and a second copy does not throw', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A same-origin page with no CSP of its own (the start page forbids scripts).
    await page.goto(`${stack.url}/cdn/sri.json`);
    const defined = await page.evaluate(async ({ origin, tags }) => {
      await import(`${origin}/cdn/advocacy.js`);
      // A second copy of the bundle (another URL, so the module runs again).
      await import(`${origin}/cdn/advocacy.js?copy=2`);
      return tags.filter((tag) => customElements.get(tag) !== undefined);
    }, { origin: stack.url, tags: TAGS });
    assert.deepEqual(defined, TAGS);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
