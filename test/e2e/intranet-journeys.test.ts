// The demo intranet as an employee meets it, in Chromium and in Firefox ESR
// (through the driver in helpers/driver.ts): share a piece of content on X
// (the network's dialog opens on the tracked link, their figures move), and
// read the leaderboard, switching its period with the keyboard alone. The
// richer Chromium-only checks (LinkedIn and the clipboard, the token never in
// the page, French, every Tab stop, widths, axe) stay in intranet.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeInEachEngine, ENGINES, type JourneyPage } from './helpers/driver.js';
import { startStack, type Stack } from './helpers/stack.js';
import { intranetWidgetsReady } from './helpers/widget-states.js';

interface DemoEmployee {
  id: string;
  name: string;
}

/** The third-party share dialogs: never reached, the journey reads the address the new window asked for. */
const NETWORK_HOSTS = ['x.com', 'twitter.com', 'www.linkedin.com', 'www.facebook.com', 'bsky.app', 'wa.me'];

const CARD = 'adv-share-feed >>> adv-share-card';

/** Waits until every data widget on the page has left its loading state (share cards inside the feed included). */
const widgetsReady = (page: JourneyPage): Promise<void> => page.waitFor(intranetWidgetsReady);

/** How many shares "My impact" counts this month (its empty state: none, and no reader either). */
const myShares = (page: JourneyPage): Promise<number> =>
  page.evaluate(() => {
    const root = document.querySelector('adv-my-impact')?.shadowRoot;
    if (root?.querySelector('[part~="empty"]')) return 0;
    const tile = [...(root?.querySelectorAll('[part="figures"] > div') ?? [])].find((figure) => figure.querySelector('dt')?.textContent?.trim() === 'Shares');
    return Number(tile?.querySelector('dd')?.textContent?.trim() ?? NaN);
  });

/** The focused element inside the leaderboard, if focus is there. */
const leaderboardFocus = (page: JourneyPage): Promise<{ inside: boolean; role: string | null; period: string | null; checked: string | null; ring: boolean }> =>
  page.evaluate(() => {
    const board = document.querySelector('adv-leaderboard');
    const active = board && document.activeElement === board ? board.shadowRoot?.activeElement : null;
    return {
      inside: !!active,
      role: active?.getAttribute('role') ?? null,
      period: active?.getAttribute('data-period') ?? null,
      checked: active?.getAttribute('aria-checked') ?? null,
      ring: !!active && active.matches(':focus-visible') && getComputedStyle(active).outlineStyle !== 'none',
    };
  });

/** What the leaderboard shows: its period as the caption says it, the checked period button, and its rows. */
const leaderboardShown = (page: JourneyPage): Promise<{ caption: string; checked: string; checkedLabel: string; rows: number; visible: boolean }> =>
  page.evaluate(() => {
    const root = document.querySelector('adv-leaderboard')?.shadowRoot;
    const checked = root?.querySelector('[role="radio"][aria-checked="true"]');
    const table = root?.querySelector('[part="table"]');
    const box = table?.getBoundingClientRect();
    return {
      caption: root?.querySelector('caption .nowrap')?.textContent?.trim() ?? '',
      checked: checked?.getAttribute('data-period') ?? '',
      checkedLabel: checked?.textContent?.trim() ?? '',
      rows: root?.querySelectorAll('[part="row"]').length ?? 0,
      visible: !!table && !!box && table.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0,
    };
  });

describe('the demo intranet, in each engine', () => {
  let stack: Stack;
  let employees: DemoEmployee[];
  before(async () => {
    stack = await startStack();
    employees = ((await (await fetch(`${stack.url}/v1/demo`)).json()) as { employees: DemoEmployee[] }).employees;
    assert.ok(employees.length > 4);
  });
  after(async () => {
    await stack?.stop();
  });

  /** Whether the employee already has a tracked link for this content on X (GET /v1/shares, as them). */
  async function sharedOnX(employee: DemoEmployee, contentId: string): Promise<boolean> {
    const tokenAnswer = await fetch(`${stack.url}/v1/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: employee.id }) });
    assert.equal(tokenAnswer.status, 200, await tokenAnswer.clone().text());
    const { token } = (await tokenAnswer.json()) as { token: string };
    const shares: { contentId: string; network: string }[] = [];
    for (let cursor: string | null = '', pages = 0; cursor !== null && pages < 20; pages++) {
      const answer: Response = await fetch(`${stack.url}/v1/shares?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 200, await answer.clone().text());
      const page = (await answer.json()) as { items: { contentId: string; network: string }[]; nextCursor: string | null };
      shares.push(...page.items);
      cursor = page.nextCursor;
    }
    return shares.some((share) => share.contentId === contentId && share.network === 'x');
  }

  /** Chooses who the page acts as, and waits for every widget to load again as them. */
  async function actAs(page: JourneyPage, employee: DemoEmployee): Promise<void> {
    await page.select('#employee', employee.id);
    await page.waitFor((name) => document.getElementById('identity-status')?.textContent === `You are acting as ${name}.`, employee.name);
    await widgetsReady(page);
  }

  describeInEachEngine({ offlineHosts: NETWORK_HOSTS }, (driver, engine, index) => {
    it('lets an employee share on X: the network opens on their tracked link, and their figures count the share', async () => {
      const page = await driver().newPage();
      await page.goto(`${stack.url}/demo/intranet`);
      // Someone who has not shared the first card on X yet (the demo's activity shares every day), and whom the other
      // engine does not pick: their share is a new one, which counts.
      let employee: DemoEmployee | undefined;
      for (const candidate of employees.slice(1).filter((_, at) => at % ENGINES.length === index)) {
        await actAs(page, candidate);
        const contentId = await page.evaluate(
          () => (document.querySelector('adv-share-feed')?.shadowRoot?.querySelector('adv-share-card') as (HTMLElement & { content?: { id: string } }) | null)?.content?.id,
        );
        if (contentId && !(await sharedOnX(candidate, contentId))) {
          employee = candidate;
          break;
        }
      }
      assert.ok(employee, 'a demo employee has not shared the first card on X');
      // Switching employees cancels the requests the widgets had in flight for the one before: not a failure.
      const failuresBefore = page.failures.length;
      const sharesBefore = await myShares(page);
      assert.ok(Number.isInteger(sharesBefore), String(sharesBefore));

      // The feed: cards with titles, each with its share button.
      const card = await page.evaluate(() => {
        const cards = [...(document.querySelector('adv-share-feed')?.shadowRoot?.querySelectorAll('adv-share-card') ?? [])];
        const root = cards[0]?.shadowRoot;
        const labels = [...(root?.querySelectorAll('[part="networks"] label') ?? [])].map((label) => label.textContent?.trim());
        return { count: cards.length, title: root?.querySelector('h3')?.textContent?.trim() ?? '', href: root?.querySelector('h3 a')?.getAttribute('href'), x: labels.indexOf('X') };
      });
      assert.ok(card.count > 1, `${card.count} cards`);
      assert.ok(card.title.length > 0);
      assert.ok(card.href);
      assert.ok(card.x >= 0, 'the card offers X');

      // Share on X: the adv-share event carries the share, the new window the network's intent.
      await page.click(`${CARD} >>> [part="networks"] label:nth-of-type(${card.x + 1}) input`);
      await page.waitFor(() => document.querySelector('adv-share-feed')?.shadowRoot?.querySelector('adv-share-card')?.shadowRoot?.querySelector('[part="share"]')?.textContent?.trim() === 'Share on X');
      await page.evaluate(() => {
        const record = window as unknown as { __share?: { trackedUrl: string; code: string } };
        document.addEventListener('adv-share', (event) => (record.__share = event.detail.share), { once: true });
      });
      const intent = new URL(await page.nextWindow(() => page.click(`${CARD} >>> [part="share"]`)));
      await page.waitFor(() => (window as unknown as { __share?: unknown }).__share !== undefined);
      const share = await page.evaluate(() => (window as unknown as { __share: { trackedUrl: string; code: string } }).__share);
      assert.equal(intent.origin, 'https://x.com');
      assert.match(intent.pathname, /^\/intent\//);
      assert.equal(share.trackedUrl, `${stack.url}/r/${share.code}`);
      assert.ok(intent.searchParams.get('url') === share.trackedUrl || (intent.searchParams.get('text') ?? '').includes(share.trackedUrl), `the intent carries the tracked link: ${intent.href}`);

      // The tracked link leads to the content the card showed.
      const followed = await fetch(share.trackedUrl, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0' } });
      assert.equal(followed.status, 302);
      const location = new URL(followed.headers.get('location') ?? '');
      assert.equal(`${location.origin}${location.pathname}`, new URL(card.href).href.replace(/[?#].*$/, ''));

      // Their impact counts the share on the next load.
      await page.reload();
      await widgetsReady(page);
      assert.equal(await myShares(page), sharesBefore + 1);
      assert.deepEqual(page.failures.slice(failuresBefore), []);
      await page.close();
    });

    it('shows the leaderboard, and its period switches with the keyboard alone', async () => {
      const page = await driver().newPage();
      await page.goto(`${stack.url}/demo/intranet`);
      await widgetsReady(page);
      let shown = await leaderboardShown(page);
      assert.ok(shown.visible, 'the leaderboard is on screen');
      assert.ok(shown.rows > 0, 'with ranked employees');
      assert.equal(shown.checked, 'month');
      assert.equal(shown.caption, shown.checkedLabel, 'the caption names the period');

      // Tab reaches the period switcher, on its checked period (one stop for the group).
      let focus = await leaderboardFocus(page);
      for (let presses = 0; presses < 80 && !focus.inside; presses++) {
        await page.press('Tab');
        focus = await leaderboardFocus(page);
      }
      assert.deepEqual(focus, { inside: true, role: 'radio', period: 'month', checked: 'true', ring: true });

      // Arrow keys move and choose; the rows follow; Home and End go to the ends.
      for (const [key, period] of [
        ['ArrowRight', 'quarter'],
        ['End', 'all'],
        ['Home', 'week'],
        ['ArrowLeft', 'all'],
      ] as const) {
        await page.press(key);
        await page.waitFor(
          (expected) => {
            const root = document.querySelector('adv-leaderboard')?.shadowRoot;
            const checked = root?.querySelector('[role="radio"][aria-checked="true"]');
            return (
              checked?.getAttribute('data-period') === expected &&
              root?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false' &&
              root?.querySelector('caption .nowrap')?.textContent?.trim() === checked?.textContent?.trim()
            );
          },
          period,
        );
        focus = await leaderboardFocus(page);
        assert.deepEqual(focus, { inside: true, role: 'radio', period, checked: 'true', ring: true }, `${key}: focus stays on the chosen period`);
      }
      shown = await leaderboardShown(page);
      assert.ok(shown.visible && shown.rows > 0, 'all time: ranked employees');
      assert.deepEqual(page.failures, []);
      await page.close();
    });
  });
});
