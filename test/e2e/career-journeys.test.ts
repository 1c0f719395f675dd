// The demo career site as a candidate meets it, in Chromium and in Firefox
// ESR (through the driver in helpers/driver.ts): readable and filterable
// without JavaScript, hydrated without a request or a flash, filtered in
// place with JavaScript, and usable with the keyboard alone. Its axe check
// and a testimonial's whole life stay in careers.test.ts (Chromium).
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Demo } from '@advocacy/sdk/contract';
import { describeInEachEngine, type JourneyPage } from './helpers/driver.js';
import { startStack, type Stack } from './helpers/stack.js';

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

/** The quotes a widget shows, as read on screen. */
const quotesIn = (page: JourneyPage, id: string): Promise<string[]> =>
  page.evaluate((widgetId) => [...(document.getElementById(widgetId)?.shadowRoot?.querySelectorAll('blockquote') ?? [])].map((quote) => (quote as HTMLElement).innerText), id);

/** The carousel's "2 / 12". */
const carouselCounter = (page: JourneyPage): Promise<string> =>
  page.evaluate(() => (document.querySelector('#testimonials-carousel')?.shadowRoot?.querySelector('[part="controls"] .muted')?.textContent ?? '').replace(/\s+/g, ' ').trim());

const hydrated = (page: JourneyPage): Promise<void> =>
  page.waitFor(() => {
    const widgets = [...document.querySelectorAll('adv-testimonials')] as (HTMLElement & { hasUpdated?: boolean })[];
    return widgets.length === 2 && widgets.every((widget) => widget.hasUpdated === true);
  });

/** The focused element, through shadow roots, and whether it shows a focus outline. */
const focused = (page: JourneyPage): Promise<{ path: string[]; outline: string }> =>
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

const stories = (count: number): string => `${count} ${count === 1 ? 'story' : 'stories'}`;

describe('the demo career site, in each engine', () => {
  let stack: Stack;
  let demo: Demo;

  /** What GET /v1/testimonials answers the career page's key, as the page's own origin would ask. */
  const publicList = async (query = ''): Promise<PublicItem[]> => {
    const response = await fetch(`${stack.url}/v1/testimonials${query}`, { headers: { authorization: `Bearer ${demo.publishableKey}`, origin: stack.url } });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as { items: PublicItem[] }).items;
  };

  before(async () => {
    stack = await startStack();
    demo = (await (await fetch(`${stack.url}/v1/demo`)).json()) as Demo;
  });
  after(async () => {
    await stack?.stop();
  });

  describeInEachEngine({ offlineHosts: [] }, (driver) => {
    it('shows the testimonials without JavaScript, in English and in French, and filters with a plain form', async () => {
      const expected = await publicList();
      assert.ok(expected.length >= 10);
      const page = await driver().newPage({ javaScript: false });
      await page.goto(`${stack.url}/demo/careers`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.evaluate(() => document.getElementById('careers-count')?.dataset['one'] !== undefined && !('hasUpdated' in document.querySelector('adv-testimonials')!)), true, 'no script ran');
      // Declarative shadow roots need no script: the quotes are there to read (and to index).
      assert.deepEqual((await quotesIn(page, 'testimonials-grid')).sort(), expected.map((item) => item.quote).sort());
      assert.equal((await quotesIn(page, 'testimonials-carousel')).length, expected.length);
      const authorShown = await page.evaluate(
        (name) =>
          [...(document.getElementById('testimonials-grid')?.shadowRoot?.querySelectorAll('*') ?? [])].some((element) => {
            const box = element.getBoundingClientRect();
            return element.textContent?.trim() === name && element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
          }),
        expected[0]!.authorName,
      );
      assert.ok(authorShown, `${expected[0]!.authorName} is shown`);
      // The carousel cannot turn without a script: every slide is there to scroll to, and no dead button shows.
      const carousel = await page.evaluate(() => {
        const root = document.getElementById('testimonials-carousel')?.shadowRoot;
        const last = [...(root?.querySelectorAll('[part="slide"]') ?? [])].at(-1);
        last?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const box = last?.getBoundingClientRect();
        const next = root?.querySelector('[part="next"]');
        const nextBox = next?.getBoundingClientRect();
        return {
          lastVisible: !!last && !!box && last.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.right <= innerWidth + 1 && box.left >= -1,
          nextVisible: !!next && !!nextBox && next.checkVisibility({ visibilityProperty: true }) && nextBox.width > 0 && nextBox.height > 0,
        };
      });
      assert.ok(carousel.lastVisible, 'the last slide can be scrolled to and read');
      assert.equal(carousel.nextVisible, false);

      // Keyboard: the first Tab reaches the skip link, which leads to the main content.
      await page.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'careers-skip');

      const team = expected[0]!.team;
      await page.select('#filter-team', team);
      assert.equal(await page.evaluate(() => document.querySelector('form.careers-filters button[type="submit"]')?.textContent?.trim()), 'Show stories');
      await page.navigation(() => page.click('form.careers-filters button[type="submit"]'));
      assert.match(page.url(), /team=/);
      const filtered = await quotesIn(page, 'testimonials-grid');
      const forTeam = expected.filter((item) => item.team === team);
      assert.deepEqual(filtered.sort(), forTeam.map((item) => item.quote).sort());
      assert.ok(filtered.length < expected.length);
      assert.equal(await page.evaluate(() => document.getElementById('careers-count')?.textContent), stories(forTeam.length));

      await page.navigation(() => page.click('.careers-languages a[hreflang="fr"]'));
      assert.match(page.url(), /lang=fr/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      assert.match(page.url(), /team=/, 'the language switch keeps the filter');
      assert.match(await page.evaluate(() => document.querySelector('h1')?.textContent ?? ''), /La vie chez Northwind/);
      assert.equal(
        await page.evaluate(() => document.getElementById('testimonials-carousel')?.shadowRoot?.querySelector('[part="next"]')?.textContent?.trim()),
        'Témoignage suivant',
      );
      assert.deepEqual(page.failures, []);
      await page.close();
    });

    it('hydrates the server-rendered widgets without asking the API again, without a flash, under its strict CSP', async () => {
      const page = await driver().newPage({ beforeScripts: watchHydration });
      await page.goto(`${stack.url}/demo/careers`);
      await hydrated(page);
      // Give a stray request or re-render the time to show up.
      await sleep(500);

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
      assert.deepEqual(
        page.requests.filter((request) => new URL(request.split(' ')[1]!).pathname.startsWith('/v1/testimonials')),
        [],
        'no request to /v1/testimonials after hydration',
      );
      assert.deepEqual(report.flashes, [], 'no loading state and no re-render');
      assert.ok(report.ssrCounts.every((count) => count >= 10), String(report.ssrCounts));
      assert.deepEqual(report.sameNodes, [true, true]);
      assert.deepEqual(report.busy, ['false', 'false']);
      assert.deepEqual(report.violations, [], 'no CSP violation');
      assert.deepEqual(page.failures, []);

      // Hydrated means live: the carousel's buttons and arrow keys now work.
      assert.equal(await carouselCounter(page), `1 / ${report.ssrCounts[1]}`);
      await page.click('#testimonials-carousel >>> [part="next"]');
      assert.equal(await carouselCounter(page), `2 / ${report.ssrCounts[1]}`);
      await page.press('ArrowRight');
      assert.equal(await carouselCounter(page), `3 / ${report.ssrCounts[1]}`);
      await page.close();
    });

    it('with JavaScript, a filter shows the matching testimonials and keeps them in the address', async () => {
      // With JavaScript the widget lists the page language's stories first (content-locale, default the page's language).
      const expected = await publicList('?locale=en');
      const location = expected[0]!.location;
      const forLocation = expected.filter((item) => item.location === location);
      const page = await driver().newPage();
      await page.goto(`${stack.url}/demo/careers`);
      await hydrated(page);
      // In place from the API when the page may call it, else by the server (the form submitted as without JavaScript).
      await page.select('#filter-location', location);
      await page.waitFor(
        ({ count, text }) =>
          /location=/.test(window.location.href) &&
          document.querySelector('#testimonials-grid')?.shadowRoot?.querySelectorAll('blockquote').length === count &&
          document.getElementById('careers-count')?.textContent === text,
        { count: forLocation.length, text: stories(forLocation.length) },
      );
      assert.deepEqual((await quotesIn(page, 'testimonials-grid')).sort(), forLocation.map((item) => item.quote).sort());
      assert.equal(await page.evaluate(() => (document.getElementById('filter-location') as HTMLSelectElement).value), location);
      assert.deepEqual(page.failures, []);
      await page.close();
    });

    it('works with the keyboard alone: skip link, labelled filters, visible focus, the carousel controls', async () => {
      const page = await driver().newPage();
      await page.goto(`${stack.url}/demo/careers`);
      await hydrated(page);
      await page.press('Tab');
      let stop = await focused(page);
      assert.deepEqual(stop.path, ['a'], 'the skip link comes first');
      assert.ok(
        await page.evaluate(() => {
          const box = document.querySelector('.careers-skip')!.getBoundingClientRect();
          return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0;
        }),
        'and shows when focused',
      );
      assert.doesNotMatch(stop.outline, /^none/, stop.outline);
      await page.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      await page.press('Tab');
      stop = await focused(page);
      assert.deepEqual(stop.path, ['select#filter-team']);
      assert.doesNotMatch(stop.outline, /^none/, stop.outline);
      const labelled = await page.evaluate(() =>
        ['filter-team', 'filter-location'].map((id) => (document.getElementById(id) as HTMLSelectElement).labels[0]?.textContent?.trim()),
      );
      assert.deepEqual(labelled, ['Team', 'Office'], 'the filters have their labels');
      await page.press('Tab');
      await page.press('Tab');
      assert.deepEqual((await focused(page)).path, ['button']);
      await page.press('Tab');
      stop = await focused(page);
      assert.deepEqual(stop.path, ['adv-testimonials#testimonials-carousel', 'previous'], 'the grid holds no stop; the carousel\u2019s buttons come next');
      assert.doesNotMatch(stop.outline, /^none/, stop.outline);
      await page.press('Tab');
      await page.press('Enter');
      assert.match(await carouselCounter(page), /^2 \//);
      assert.deepEqual(page.failures, []);
      await page.close();
    });
  });
});
