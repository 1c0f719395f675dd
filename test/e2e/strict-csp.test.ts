// The demo intranet under the strictest CSP a host page can set: nonce +
// 'strict-dynamic' scripts, Trusted Types limited to Lit's policy, styles
// only from files. Every widget must reach its ready state without one
// securitypolicyviolation event.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
  target: string;
}

declare global {
  interface Window {
    __violations: Violation[];
  }
}

/** The data widgets on the page (the provider shows nothing of its own). */
const WIDGETS = ['adv-share-feed', 'adv-my-impact', 'adv-leaderboard', 'adv-program-stats', 'adv-testimonials', 'adv-testimonial-form'];

function directives(header: string): Map<string, string> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

/** Every listener in place before the page's first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__violations = [];
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const target = event.composedPath()[0];
        window.__violations.push({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          sourceFile: event.sourceFile,
          line: event.lineNumber,
          sample: event.sample,
          target: target instanceof Element ? target.localName : String(target),
        });
      },
      true,
    );
  });
}

/** The page's violations so far (the list starts again on each navigation). */
async function assertNoViolations(page: Page, where: string): Promise<void> {
  // Violation events are queued as tasks: let any pending one arrive before reading the list.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], `CSP violations on the ${where}:\n${JSON.stringify(violations, null, 2)}`);
}

/**
 * Waits until every data widget on the page (share cards inside the feed
 * included) has left its loading state, then returns the ones that show an
 * error instead of data.
 */
async function widgetsSettled(page: Page): Promise<string[]> {
  const handle = await page.waitForFunction((tags) => {
    // No named inner functions here: the test's TypeScript loader would wrap them in a helper the page lacks.
    const all: Element[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.startsWith('adv-') && element.localName !== 'adv-provider') all.push(element);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    if (!tags.every((tag) => all.some((element) => element.localName === tag))) return false;
    const bases = all.map((element) => [element, element.shadowRoot?.querySelector('[part~="base"]')] as const);
    if (bases.some(([, base]) => !base || base.getAttribute('aria-busy') !== 'false')) return false;
    return bases.filter(([, base]) => base?.querySelector('[part~="error"], [part~="stale"]')).map(([element]) => element.localName);
  }, WIDGETS);
  return (await handle.jsonValue()) as string[];
}

describe('the demo intranet under a strict Content Security Policy', () => {
  let stack: Stack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('is served with the strict policy and a fresh nonce on every response', async () => {
    const [first, second] = await Promise.all([fetch(`${stack.url}/demo/intranet`), fetch(`${stack.url}/demo/intranet?lang=fr`)]);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(first.headers.get('cache-control'), 'no-store', 'a cached page would reuse its nonce');
    const policy = directives(first.headers.get('content-security-policy') ?? '');
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})' 'strict-dynamic'$/.exec(policy.get('script-src') ?? '')?.[1];
    assert.ok(nonce, `script-src is a nonce and 'strict-dynamic' only: ${policy.get('script-src')}`);
    assert.deepEqual(
      Object.fromEntries([...policy].filter(([name]) => name !== 'script-src')),
      {
        'default-src': "'none'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'require-trusted-types-for': "'script'",
        'trusted-types': 'lit-html',
        'style-src': "'self'",
        'connect-src': "'self'",
        'img-src': "'self' https: data:",
        'font-src': "'self'",
        'form-action': "'none'",
        'frame-ancestors': "'none'",
      },
    );
    const secondNonce = /'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1];
    assert.ok(secondNonce && secondNonce !== nonce, 'each response has its own nonce');

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [`<script type="module" nonce="${nonce}" src="/demo/intranet.js">`]);
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i, 'no inline style or event handler in the page');
  });

  it('runs every widget to its ready state with zero securitypolicyviolation events, in English and French, as two employees', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await watchViolations(page);

    const response = await page.goto(`${stack.url}/demo/intranet`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
    assert.deepEqual(await widgetsSettled(page), [], 'no widget ends in its error state');
    // Each widget's data arrived, so its ready state rendered: the share feed holds cards, the leaderboard rows.
    assert.ok((await page.locator('adv-share-card').count()) > 0);
    assert.ok((await page.locator('adv-leaderboard tr[part~="row"]').count()) > 0);

    // Act as someone else: every widget loads again, under the same policy.
    const picker = page.getByLabel('Act as');
    const other = await picker.locator('option').nth(5).getAttribute('value');
    assert.ok(other);
    await picker.selectOption(other);
    await page.waitForFunction(() => document.getElementById('identity-status')?.textContent?.includes('acting as'));
    assert.deepEqual(await widgetsSettled(page), []);
    await assertNoViolations(page, 'English page');

    // The French page, with the same employee (remembered for the tab).
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/lang=fr/);
    assert.deepEqual(await widgetsSettled(page), []);
    assert.equal(await page.getByLabel('Agir en tant que').inputValue(), other);
    await assertNoViolations(page, 'French page');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('stays violation-free while an employee uses every widget: share, copy, edit, switch period, browse the carousel, submit and withdraw a testimonial', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    // The network's share dialog, answered locally.
    await context.route(/^https:\/\/x\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>share</title>' }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await watchViolations(page);
    await page.goto(`${stack.url}/demo/intranet`);
    assert.deepEqual(await widgetsSettled(page), []);

    // Share card: edit the post, pick a network, share (a new window), copy the link.
    const card = page.locator('adv-share-feed adv-share-card').first();
    await card.getByRole('textbox').fill('My own words about this, and why it matters to me.');
    await card.getByRole('radio', { name: 'X', exact: true }).check();
    const dialog = context.waitForEvent('page');
    await card.getByRole('button', { name: 'Share on X' }).click();
    await (await dialog).close();
    await card.getByRole('button', { name: 'Copy link' }).click();
    await card.getByRole('status').filter({ hasText: /copied/i }).waitFor();

    // Leaderboard: another period. Testimonials: the next slide.
    await page.locator('adv-leaderboard').getByRole('radio', { name: 'This week' }).click();
    await page.locator('adv-leaderboard').getByRole('radio', { name: 'This week', checked: true }).waitFor();
    await page.getByRole('button', { name: 'Next testimonial' }).click();

    // Testimonial form: refused empty (inline errors), then sent, then withdrawn by its author.
    // By accessible name: the required fields' visible "*" is hidden from it.
    const form = page.locator('adv-testimonial-form');
    await form.getByRole('button', { name: 'Send my testimonial' }).click();
    await form.getByText('Write your testimonial.').first().waitFor();
    await form.getByRole('textbox', { name: 'Your testimonial', exact: true }).fill('I ship things that matter with people who care, and I learn every week.');
    await form.getByRole('textbox', { name: 'Your role', exact: true }).fill('Software engineer');
    await form.getByRole('textbox', { name: 'Team', exact: true }).fill('Engineering');
    await form.getByRole('textbox', { name: 'Location', exact: true }).fill('Lyon');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Send my testimonial' }).click();
    await form.getByText('Thank you — your testimonial will appear after review.').waitFor();
    await form.getByRole('button', { name: 'Withdraw', exact: true }).first().click();
    await form.locator('[part~="confirm-withdraw"]').click();
    await form.getByRole('status').filter({ hasText: /withdrawn/i }).waitFor();

    await assertNoViolations(page, 'page after every interaction');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
