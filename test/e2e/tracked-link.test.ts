// Tracked links on the real stack: an employee shares from the demo
// intranet, a reader follows the link and lands on the content with UTM
// parameters, and the employee's points move on the page's leaderboard. The
// same reader again the same day, a search-engine robot, a link-preview
// fetcher and the sharer's own click are recorded but earn nothing.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

interface DemoEmployee {
  id: string;
  name: string;
}
interface Me {
  points: number;
  clicks: number;
  shares: number;
  optedIn: boolean;
}
interface Stats {
  creditedClicks: number;
  uncreditedClicks: number;
}

/** Visitors are told apart by IP prefix and user agent; every request here comes from 127.0.0.1, so the user agent is the visitor. */
const READER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0';
/** A reader's address: the stack trusts X-Forwarded-For from loopback, as behind a proxy (TRUST_PROXY). */
const READER_ADDRESS = '203.0.113.40';
const OTHER_READER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const LINKEDIN_PREVIEW = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';
/** The sharer's browser: a plain desktop Chrome (the headless one's own user agent says it is a robot). */
const SHARER_BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('tracked links', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sharer: DemoEmployee;
  let token: string;
  let share: { trackedUrl: string; code: string; contentId: string; network: string };
  let contentUrl: URL;

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
  const me = async (): Promise<Me> => (await api<{ me: Me }>('/v1/leaderboard?period=month')).me;
  const stats = (): Promise<Stats> => api<Stats>('/v1/stats?period=week');

  /** Reads until `done` holds: clicks are written just after the redirect has gone out. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    let last: T | undefined;
    for (let attempt = 0; attempt < 400; attempt++) {
      last = await read();
      if (done(last)) return last;
      await delay(25);
    }
    throw new Error(`still waiting for ${what}; last read: ${JSON.stringify(last)}`);
  }

  // Readers come from elsewhere, through the loopback proxy the stack trusts: the sharer's own network
  // (loopback, where the browser shared from) is theirs today, and none of its visits would count.
  const follow = (userAgent: string, from = READER_ADDRESS): Promise<Response> =>
    fetch(share.trackedUrl, { redirect: 'manual', headers: { 'user-agent': userAgent, 'x-forwarded-for': from } });

  /** The points in the sharer's own row of the page's leaderboard, after loading the page again. */
  async function pointsOnPage(): Promise<string> {
    await page.reload();
    const row = page.locator('adv-leaderboard tr[aria-current="true"]');
    await row.waitFor();
    return (await row.locator('td.points').innerText()).trim();
  }

  before(async () => {
    [stack, browser] = await Promise.all([startStack({ TRUST_PROXY: '127.0.0.1' }), launchBrowser()]);
    const demo = (await (await fetch(`${stack.url}/v1/demo`)).json()) as { employees: DemoEmployee[] };
    // A non-admin ambassador who joined the leaderboard, so their row is on it.
    for (const employee of demo.employees) {
      const issued = (await (await fetch(`${stack.url}/v1/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: employee.id }) })).json()) as { token: string };
      token = issued.token;
      if ((await me()).optedIn) {
        sharer = employee;
        break;
      }
    }
    assert.ok(sharer, 'some demo employee is on the leaderboard');

    context = await browser.newContext({ userAgent: SHARER_BROWSER, viewport: { width: 1280, height: 900 } });
    // The share dialog, answered locally.
    await context.route(/^https:\/\/x\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }));
    page = await context.newPage();
    await page.goto(`${stack.url}/demo/intranet`);
    await page.getByLabel('Act as').selectOption(sharer.id);
    await page.getByRole('status').filter({ hasText: `You are acting as ${sharer.name}.` }).waitFor();

    // The employee shares the feed's first story on X from the intranet.
    const card = page.locator('adv-share-feed adv-share-card').first();
    await card.getByRole('radio', { name: 'X', exact: true }).check();
    const shared = page.evaluate(
      () =>
        new Promise<{ trackedUrl: string; code: string; contentId: string; network: string }>((resolve) =>
          document.addEventListener('adv-share', (event) => resolve(event.detail.share), { once: true }),
        ),
    );
    const dialog = context.waitForEvent('page');
    await card.getByRole('button', { name: 'Share on X' }).click();
    share = await shared;
    await (await dialog).close();
    contentUrl = new URL((await api<{ url: string }>(`/v1/content/${share.contentId}`)).url);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('sends a reader to the content with UTM parameters, and the leaderboard on the page shows the new points after a refresh', async () => {
    const shown = await pointsOnPage();
    const before = await me();
    assert.equal(shown, before.points.toLocaleString('en'), 'the page shows what the API says');

    const response = await follow(READER);
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, `${contentUrl.origin}${contentUrl.pathname}`);
    assert.equal(location.searchParams.get('utm_source'), 'x');
    assert.equal(location.searchParams.get('utm_medium'), 'employee_advocacy');
    assert.equal(location.searchParams.get('utm_content'), share.code);
    assert.ok(location.searchParams.get('utm_campaign'));
    for (const [name, value] of contentUrl.searchParams) assert.equal(location.searchParams.get(name), value, `the content's own ${name} is kept`);
    assert.equal(response.headers.get('cache-control'), 'no-store');

    const after = await until(me, (current) => current.clicks === before.clicks + 1, 'the reader to be credited');
    assert.ok(after.points > before.points, `points moved: ${before.points} → ${after.points}`);
    const shownAfter = await pointsOnPage();
    assert.equal(shownAfter, after.points.toLocaleString('en'));
    assert.notEqual(shownAfter, shown);
  });

  it('credits a reader once a day: the same visitor again adds no credited click, another visitor does', async () => {
    const [meBefore, statsBefore] = await Promise.all([me(), stats()]);
    const again = await follow(READER);
    assert.equal(again.status, 302, 'a repeat is still redirected');
    const recorded = await until(stats, (current) => current.uncreditedClicks === statsBefore.uncreditedClicks + 1, 'the repeat to be recorded');
    assert.equal(recorded.creditedClicks, statsBefore.creditedClicks, 'the repeat is not a reader');
    assert.deepEqual(await me(), meBefore, 'and earns nothing');

    // Someone else on the same network is another reader.
    assert.equal((await follow(OTHER_READER)).status, 302);
    const credited = await until(me, (current) => current.clicks === meBefore.clicks + 1, 'the other reader to be credited');
    assert.ok(credited.points > meBefore.points);
    assert.equal((await stats()).uncreditedClicks, recorded.uncreditedClicks);
  });

  it('credits nothing for a search-engine robot, a link-preview fetcher or the sharer following their own link', async () => {
    const [meBefore, statsBefore] = await Promise.all([me(), stats()]);
    const shownBefore = await pointsOnPage();

    for (const userAgent of [GOOGLEBOT, LINKEDIN_PREVIEW]) {
      const response = await follow(userAgent);
      assert.equal(response.status, 302, `${userAgent} is redirected too`);
    }
    // The sharer opens their own link in the browser they shared from.
    // (The content lives on northwind.example, a name that never resolves: the redirect is what counts here.)
    const own = await context.newPage();
    const redirect = own.waitForResponse(share.trackedUrl);
    await assert.rejects(own.goto(share.trackedUrl), /ERR_NAME_NOT_RESOLVED/);
    assert.equal((await redirect).status(), 302);
    assert.equal(new URL((await (await redirect).headerValue('location')) ?? '').searchParams.get('utm_content'), share.code);
    await own.close();

    const recorded = await until(stats, (current) => current.uncreditedClicks === statsBefore.uncreditedClicks + 3, 'the three visits to be recorded');
    assert.equal(recorded.creditedClicks, statsBefore.creditedClicks);
    assert.deepEqual(await me(), meBefore);
    assert.equal(await pointsOnPage(), shownBefore);
  });
});
