// The demo career site on the running stack: readable without JavaScript,
// hydrated without a request or a flash, filtered with or without JavaScript,
// and a testimonial's whole life: submitted, approved, shown, withdrawn, gone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Demo } from '@advocacy/sdk/contract';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

const require = createRequire(import.meta.url);

interface PublicItem {
  id: string;
  quote: string;
  authorName: string;
  team: string;
  location: string;
}

/**
 * Runs before the page's own scripts: records CSP violations, and, once the
 * parser is done (readyState "interactive", before module scripts run), the
 * server-rendered quote nodes and every later change in the widgets' shadow
 * roots that would mean a loading state or a re-render.
 */
function watchHydration(): void {
  const record = window as unknown as { __violations: string[]; __flashes: string[]; __ssrQuotes: Element[][] };
  record.__violations = [];
  record.__flashes = [];
  record.__ssrQuotes = [];
  document.addEventListener('securitypolicyviolation', (event) => record.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    for (const widget of document.querySelectorAll('adv-testimonials')) {
      const root = widget.shadowRoot;
      if (!root) {
        record.__flashes.push(`${widget.id}: no declarative shadow root`);
        continue;
      }
      record.__ssrQuotes.push([...root.querySelectorAll('blockquote')]);
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const target = mutation.target as Element;
          if (mutation.type === 'attributes' && mutation.attributeName === 'aria-busy' && target.getAttribute('aria-busy') === 'true') {
            record.__flashes.push(`${widget.id}: busy`);
          }
          for (const node of mutation.removedNodes) if (node instanceof Element) record.__flashes.push(`${widget.id}: removed <${node.localName}>`);
          for (const node of mutation.addedNodes) {
            if (node instanceof Element && (node.matches('[part="skeleton"]') || node.querySelector('[part="skeleton"]'))) record.__flashes.push(`${widget.id}: skeleton`);
          }
        }
      }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    }
  });
}

describe('the demo career site', () => {
  let stack: Stack;
  let browser: Browser;
  let demo: Demo;

  const api = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const tokenFor = async (employeeId: string): Promise<string> => (await api<{ token: string }>('POST', '/v1/demo/token', undefined, { employeeId })).token;
  /** What GET /v1/testimonials answers the career page's key, as the page's own origin would ask. */
  const publicList = async (query = ''): Promise<PublicItem[]> => {
    const response = await fetch(`${stack.url}/v1/testimonials${query}`, { headers: { authorization: `Bearer ${demo.publishableKey}`, origin: stack.url } });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { items: PublicItem[] }).items;
  };
  const quotesIn = (page: Page, id: string): Promise<string[]> => page.locator(`#${id} blockquote`).allInnerTexts();

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    demo = await api<Demo>('GET', '/v1/demo');
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the testimonials without JavaScript, in English and in French, and filters with a plain form', async () => {
    const expected = await publicList();
    assert.ok(expected.length >= 10);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/careers`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // Declarative shadow roots need no script: the quotes are there to read (and to index).
    assert.deepEqual((await quotesIn(page, 'testimonials-grid')).sort(), expected.map((item) => item.quote).sort());
    assert.equal(await page.locator('#testimonials-carousel blockquote').count(), expected.length);
    assert.ok(await page.locator('#testimonials-grid').getByText(expected[0]!.authorName, { exact: true }).isVisible());
    // The carousel cannot turn without a script: every slide is there to scroll to, and no dead button shows.
    const slides = page.locator('#testimonials-carousel [part="slide"]');
    await slides.last().scrollIntoViewIfNeeded();
    assert.ok(await slides.last().isVisible(), 'the last slide can be scrolled to and read');
    assert.equal(await page.locator('#testimonials-carousel [part="next"]').isVisible(), false);

    // Keyboard: the first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'careers-skip');

    const team = expected[0]!.team;
    await page.selectOption('#filter-team', team);
    await Promise.all([page.waitForURL(/team=/), page.getByRole('button', { name: 'Show stories' }).click()]);
    const filtered = await quotesIn(page, 'testimonials-grid');
    const forTeam = expected.filter((item) => item.team === team);
    assert.deepEqual(filtered.sort(), forTeam.map((item) => item.quote).sort());
    assert.ok(filtered.length < expected.length);
    assert.equal(await page.textContent('#careers-count'), `${forTeam.length} ${forTeam.length === 1 ? 'story' : 'stories'}`);

    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/lang=fr/);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(page.url(), /team=/, 'the language switch keeps the filter');
    assert.ok(await page.getByRole('heading', { level: 1, name: /La vie chez Northwind/ }).isVisible());
    assert.equal(await page.locator('#testimonials-carousel [part="next"]').textContent().then((text) => text?.trim()), 'Témoignage suivant');
    await context.close();
  });

  it('hydrates the server-rendered widgets without asking the API again, without a flash, under its strict CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const testimonialRequests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/testimonials')) testimonialRequests.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.addInitScript(watchHydration);
    await page.goto(`${stack.url}/demo/careers`);
    await page.waitForFunction(() => {
      const widgets = [...document.querySelectorAll('adv-testimonials')] as (HTMLElement & { hasUpdated?: boolean })[];
      return widgets.length === 2 && widgets.every((widget) => widget.hasUpdated === true);
    });
    // Give a stray request or re-render the time to show up.
    await page.waitForTimeout(500);

    const report = await page.evaluate(() => {
      const record = window as unknown as { __violations: string[]; __flashes: string[]; __ssrQuotes: Element[][] };
      const widgets = [...document.querySelectorAll('adv-testimonials')];
      return {
        violations: record.__violations,
        flashes: record.__flashes,
        ssrCounts: record.__ssrQuotes.map((quotes) => quotes.length),
        // The very nodes the parser made are still the ones on screen: hydrated, not rendered again.
        sameNodes: widgets.map((widget, index) => {
          const now = [...(widget.shadowRoot?.querySelectorAll('blockquote') ?? [])];
          const before = record.__ssrQuotes[index] ?? [];
          return now.length === before.length && now.every((node, at) => node === before[at]);
        }),
        busy: widgets.map((widget) => widget.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy')),
      };
    });
    assert.deepEqual(testimonialRequests, [], 'no request to /v1/testimonials after hydration');
    assert.deepEqual(report.flashes, [], 'no loading state and no re-render');
    assert.ok(report.ssrCounts.every((count) => count >= 10), String(report.ssrCounts));
    assert.deepEqual(report.sameNodes, [true, true]);
    assert.deepEqual(report.busy, ['false', 'false']);
    assert.deepEqual(report.violations, [], 'no CSP violation');
    assert.deepEqual(errors, []);

    // Hydrated means live: the carousel's buttons and arrow keys now work.
    const counter = page.locator('#testimonials-carousel [part="controls"] .muted');
    assert.equal((await counter.textContent())?.replace(/\s+/g, ' ').trim(), `1 / ${report.ssrCounts[1]}`);
    await page.locator('#testimonials-carousel [part="next"]').click();
    assert.equal((await counter.textContent())?.replace(/\s+/g, ' ').trim(), `2 / ${report.ssrCounts[1]}`);
    await page.keyboard.press('ArrowRight');
    assert.equal((await counter.textContent())?.replace(/\s+/g, ' ').trim(), `3 / ${report.ssrCounts[1]}`);
    await context.close();
  });

  it('with JavaScript, a filter shows the matching testimonials and keeps them in the address', async () => {
    // With JavaScript the widget lists the page language's stories first (content-locale, default the page's language).
    const expected = await publicList('?locale=en');
    const location = expected[0]!.location;
    const forLocation = expected.filter((item) => item.location === location);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/careers`);
    await page.waitForFunction(() => [...document.querySelectorAll('adv-testimonials')].every((widget) => (widget as HTMLElement & { hasUpdated?: boolean }).hasUpdated));
    // In place from the API when the page may call it, else by the server (the form submitted as without JavaScript).
    await page.selectOption('#filter-location', location);
    await page.waitForURL(/location=/);
    await page.waitForFunction(
      ({ count, text }) =>
        document.querySelector('#testimonials-grid')?.shadowRoot?.querySelectorAll('blockquote').length === count && document.getElementById('careers-count')?.textContent === text,
      { count: forLocation.length, text: `${forLocation.length} ${forLocation.length === 1 ? 'story' : 'stories'}` },
    );
    assert.deepEqual((await quotesIn(page, 'testimonials-grid')).sort(), forLocation.map((item) => item.quote).sort());
    assert.equal(await page.inputValue('#filter-location'), location);
    await context.close();
  });

  it('works with the keyboard alone: skip link, labelled filters, visible focus, the carousel controls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/careers`);
    await page.waitForFunction(() => [...document.querySelectorAll('adv-testimonials')].every((widget) => (widget as HTMLElement & { hasUpdated?: boolean }).hasUpdated));
    /** The focused element, through shadow roots, and whether it shows a focus outline. */
    const focused = () =>
      page.evaluate(() => {
        let element = document.activeElement;
        const path: string[] = [];
        while (element) {
          path.push(element.id ? `${element.localName}#${element.id}` : (element.getAttribute('part') ?? element.localName));
          if (!element.shadowRoot?.activeElement) break;
          element = element.shadowRoot.activeElement;
        }
        const style = element ? getComputedStyle(element) : undefined;
        return { path, outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    await page.keyboard.press('Tab');
    let stop = await focused();
    assert.deepEqual(stop.path, ['a'], 'the skip link comes first');
    assert.ok(await page.locator('.careers-skip').isVisible(), 'and shows when focused');
    assert.doesNotMatch(stop.outline, /^none/, stop.outline);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.keyboard.press('Tab');
    stop = await focused();
    assert.deepEqual(stop.path, ['select#filter-team']);
    assert.doesNotMatch(stop.outline, /^none/, stop.outline);
    assert.equal(await page.getByLabel('Team', { exact: true }).getAttribute('id'), 'filter-team', 'the filter has its label');
    assert.equal(await page.getByLabel('Office', { exact: true }).getAttribute('id'), 'filter-location');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.deepEqual((await focused()).path, ['button']);
    await page.keyboard.press('Tab');
    stop = await focused();
    assert.deepEqual(stop.path, ['adv-testimonials#testimonials-carousel', 'previous'], 'the grid holds no stop; the carousel\u2019s buttons come next');
    assert.doesNotMatch(stop.outline, /^none/, stop.outline);
    const counter = page.locator('#testimonials-carousel [part="controls"] .muted');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.match((await counter.textContent()) ?? '', /^\s*2\s*\//);
    await context.close();
  });

  it('has no axe violations, server-rendered and hydrated, in English and in French', async () => {
    // axe is injected by the test, so this context bypasses the page's CSP (the CSP is checked above).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const hydrated of [false, true]) {
      for (const lang of ['en', 'fr']) {
        const page = await context.newPage();
        // Without the bundle, the page stays as the server rendered it (what a search engine or a slow phone sees).
        if (!hydrated) await page.route('**/cdn/advocacy-hydrate.js', (route) => route.abort());
        await page.goto(`${stack.url}/demo/careers?lang=${lang}`);
        if (hydrated) await page.waitForFunction(() => [...document.querySelectorAll('adv-testimonials')].every((widget) => (widget as HTMLElement & { hasUpdated?: boolean }).hasUpdated));
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
        });
        assert.deepEqual(violations, [], `${lang}, ${hydrated ? 'hydrated' : 'server-rendered'}: ${JSON.stringify(violations, null, 2)}`);
        await page.close();
      }
    }
    await context.close();
  });

  it('shows a testimonial once an admin approves it, and no longer once its author withdraws it', async () => {
    const author = demo.employees.find((employee) => !employee.isAdmin)!;
    const admin = demo.employees.find((employee) => employee.isAdmin)!;
    assert.ok(author && admin, 'the demo has an employee and an admin');
    const authorToken = await tokenFor(author.id);
    const adminToken = await tokenFor(admin.id);
    const quote = `End-to-end ${randomUUID()}: the on-call rota is fair and the post-mortems are blameless.`;
    const consent = await api<{ version: string }>('GET', '/v1/testimonials/consent?locale=en', authorToken);
    const submitted = await api<{ id: string; status: string }>('POST', '/v1/testimonials', authorToken, {
      quote,
      role: author.role,
      team: author.team,
      location: 'Lyon',
      locale: 'en',
      consent: { version: consent.version, accepted: true },
    });
    assert.equal(submitted.status, 'pending');

    const context = await browser.newContext();
    const page = await context.newPage();
    const pageHas = async (): Promise<boolean> => {
      await page.goto(`${stack.url}/demo/careers`);
      return (await quotesIn(page, 'testimonials-grid')).includes(quote);
    };
    assert.equal(await pageHas(), false, 'pending: not on the career page');

    const approved = await api<{ status: string }>('POST', `/v1/admin/testimonials/${submitted.id}/approve`, adminToken, {});
    assert.equal(approved.status, 'approved');
    assert.equal(await pageHas(), true, `approved: on the career page, which shows ${JSON.stringify(await quotesIn(page, 'testimonials-grid'))}`);
    assert.equal((await quotesIn(page, 'testimonials-grid'))[0], quote, 'the newest approval comes first');

    const withdrawn = await api<{ status: string }>('POST', `/v1/testimonials/${submitted.id}/withdraw`, authorToken, {});
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(await pageHas(), false, 'withdrawn: gone on the next load');
    await context.close();
  });
});
