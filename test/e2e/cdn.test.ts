// The CDN files on the real stack: advocacy.js (the loader) defines each tag
// on the page from its chunk, advocacy.bundle.js registers every widget from
// one file, and a second copy of either on the same page does not throw.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

const TAGS = ['adv-provider', 'adv-share-card', 'adv-share-feed', 'adv-leaderboard', 'adv-testimonials', 'adv-testimonial-form', 'adv-my-impact', 'adv-program-stats'];

describe('the CDN files on the running stack', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('advocacy.bundle.js registers every widget from one file, and a second copy does not throw', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A same-origin page with no CSP of its own (the start page forbids scripts).
    await page.goto(`${stack.url}/cdn/sri.json`);
    const { defined, requested } = await page.evaluate(async ({ origin, tags }) => {
      await import(`${origin}/cdn/advocacy.bundle.js`);
      // A second copy of the bundle (another URL, so the module runs again).
      await import(`${origin}/cdn/advocacy.bundle.js?copy=2`);
      const scripts = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.js'));
      return { defined: tags.filter((tag) => customElements.get(tag) !== undefined), requested: scripts };
    }, { origin: stack.url, tags: TAGS });
    assert.deepEqual(defined, TAGS);
    assert.deepEqual(requested, ['/cdn/advocacy.bundle.js', '/cdn/advocacy.bundle.js'], 'one file, fetched for each copy, and nothing else');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('advocacy.js defines the tags on the page from their chunks, a tag added later too, and a second copy does not throw', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${stack.url}/cdn/sri.json`);
    const result = await page.evaluate(async ({ origin, tags }) => {
      document.body.append(document.createElement('adv-testimonials'));
      const loader = (await import(`${origin}/cdn/advocacy.js`)) as { configure?: unknown; createClient?: unknown };
      await customElements.whenDefined('adv-testimonials');
      const before = tags.filter((tag) => customElements.get(tag) !== undefined);
      document.body.append(document.createElement('adv-leaderboard'));
      await customElements.whenDefined('adv-leaderboard');
      await import(`${origin}/cdn/advocacy.js?copy=2`);
      return { before, after: tags.filter((tag) => customElements.get(tag) !== undefined), exports: [typeof loader.configure, typeof loader.createClient] };
    }, { origin: stack.url, tags: TAGS });
    assert.deepEqual(result.before, ['adv-testimonials'], 'only the tag on the page');
    assert.deepEqual(result.after, ['adv-leaderboard', 'adv-testimonials']);
    assert.deepEqual(result.exports, ['function', 'function']);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
