// The demo intranet on the real stack, in Chromium: an employee picks who they
// are and shares on LinkedIn (the post copied first); French mode; the
// keyboard alone reaches everything that matters; the employee's token never
// lands in the page or its storage. Sharing on X and the leaderboard run in
// Chromium and Firefox ESR in intranet-journeys.test.ts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';
import { intranetWidgetsReady } from './helpers/widget-states.js';

interface DemoEmployee {
  id: string;
  name: string;
  team: string;
  role: string;
  isAdmin: boolean;
}

const require = createRequire(import.meta.url);

/** The third-party share dialogs: answered locally, so the test needs no internet and reads exactly what was opened. */
const NETWORK_HOSTS = /^https:\/\/(x\.com|twitter\.com|www\.linkedin\.com|www\.facebook\.com|bsky\.app|wa\.me)\//;

/** Waits until every data widget on the page has left its loading state (share cards inside the feed included). */
async function widgetsReady(page: Page): Promise<void> {
  await page.waitForFunction(intranetWidgetsReady);
}

/** The focused element, looking inside shadow roots, with what a sighted keyboard user sees of it. */
async function focused(page: Page): Promise<{ path: string[]; tag: string; id: string; text: string; label: string; ring: boolean }> {
  return page.evaluate(() => {
    const path: string[] = [];
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
      path.push(active.localName);
      active = active.shadowRoot.activeElement;
    }
    if (!active) return { path, tag: '', id: '', text: '', label: '', ring: false };
    path.push(active.localName);
    // The ring may be drawn on the element or on a box around it (a chip around its radio, the composer around its textarea).
    let ring = false;
    for (let box: Element | null = active; box && !ring; box = box.parentElement) {
      const style = getComputedStyle(box);
      const drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || (style.boxShadow !== 'none' && style.boxShadow !== '');
      const { width, height } = box.getBoundingClientRect();
      ring = drawn && width > 2 && height > 2;
    }
    return {
      path,
      tag: active.localName,
      id: active.id,
      text: (active.textContent ?? '').trim().replace(/\s+/g, ' '),
      label: active.getAttribute('aria-label') ?? (active as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '',
      ring: active.matches(':focus-visible') && ring,
    };
  });
}

describe('the demo intranet', () => {
  let stack: Stack;
  let browser: Browser;
  let employees: DemoEmployee[];
  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const demo = (await (await fetch(`${stack.url}/v1/demo`)).json()) as { employees: DemoEmployee[] };
    employees = demo.employees;
    assert.ok(employees.length > 2);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(NETWORK_HOSTS, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>share dialog</title>' }));
    return context;
  }

  /** A new context on /demo/intranet with every widget ready. */
  async function openIntranet(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/intranet`);
    await widgetsReady(page);
    return { context, page };
  }

  async function actAs(page: Page, employee: DemoEmployee): Promise<void> {
    await page.getByLabel('Act as').selectOption(employee.id);
    await page.getByRole('status').filter({ hasText: `You are acting as ${employee.name}.` }).waitFor();
    await widgetsReady(page);
  }

  function firstCard(page: Page): Locator {
    return page.locator('adv-share-feed adv-share-card').first();
  }

  it('lets an employee pick who they are and share on LinkedIn: the post is copied first, then the dialog opens on their tracked link', async () => {
    // The X share, its tracked link and the figures it moves: intranet-journeys.test.ts, in Chromium and Firefox ESR.
    const context = await newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${stack.url}/demo/intranet`);
    await expectHeader(page);
    const employee = employees[2]!;
    await actAs(page, employee);
    const card = firstCard(page);

    // LinkedIn takes no prefilled text: the card copies it first, then opens the dialog on the tracked link.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    await card.getByRole('radio', { name: 'LinkedIn', exact: true }).check();
    const shared = page.evaluate(
      () => new Promise<{ trackedUrl: string; code: string }>((resolve) => document.addEventListener('adv-share', (event) => resolve(event.detail.share), { once: true })),
    );
    const linkedInOpened = context.waitForEvent('page');
    await card.getByRole('button', { name: 'Share on LinkedIn' }).click();
    const linkedIn = await linkedInOpened;
    await linkedIn.waitForURL(NETWORK_HOSTS);
    const share = await shared;
    const linkedInUrl = new URL(linkedIn.url());
    assert.equal(`${linkedInUrl.origin}${linkedInUrl.pathname}`, 'https://www.linkedin.com/sharing/share-offsite/');
    assert.match(linkedInUrl.searchParams.get('url') ?? '', new RegExp(`^${stack.url}/r/[A-Za-z0-9_-]+$`));
    assert.equal(linkedInUrl.searchParams.get('url'), share.trackedUrl, 'the dialog opens on the tracked link of this share');
    assert.equal(await linkedIn.evaluate(() => document.referrer), '', 'the network does not learn the intranet page');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /I work at Northwind\./, 'the post was copied, disclosure included');
    await linkedIn.close();

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('acts as another employee when the picker changes, remembers only the id, and never puts the token in the page or its storage', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const tokens: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/v1/demo/token') && response.ok()) tokens.push(((await response.json()) as { token: string }).token);
    });
    // Who each API request was made as (the name claim of its bearer token).
    const calls: { path: string; as: string }[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      const token = /^Bearer (ey[\w-]+\.(ey[\w-]+)\.[\w-]+)$/.exec(request.headers()['authorization'] ?? '')?.[2];
      if (url.pathname.startsWith('/v1/') && token) {
        calls.push({ path: url.pathname, as: (JSON.parse(Buffer.from(token, 'base64url').toString()) as { name: string }).name });
      }
    });
    await page.goto(`${stack.url}/demo/intranet`);
    const [first, second] = [employees[5]!, employees[9]!];
    await actAs(page, first);
    const asFirst = new Set(calls.filter((call) => call.as === first.name).map((call) => call.path));
    assert.ok(asFirst.size >= 4, `the widgets called the API as ${first.name}: ${[...asFirst].join(', ')}`);

    await actAs(page, second);
    // Every widget loaded again, as the second employee.
    const asSecond = new Set(calls.filter((call) => call.as === second.name).map((call) => call.path));
    // (GET /v1/shares is made only for someone who shared this month, to estimate their reach: it depends on who they are.)
    const dependsOnWho = new Set(['/v1/shares']);
    assert.deepEqual([...asFirst].filter((path) => !asSecond.has(path) && !dependsOnWho.has(path)), [], 'every call made as the first employee was made again as the second');
    assert.equal(await page.getByLabel('Act as').inputValue(), second.id);

    // Reload: the same employee, from sessionStorage, which holds the id and nothing else.
    await page.reload();
    await widgetsReady(page);
    assert.equal(await page.getByLabel('Act as').inputValue(), second.id);
    const storage = await page.evaluate(() => ({
      session: Object.entries(sessionStorage),
      local: Object.entries(localStorage),
      cookie: document.cookie,
    }));
    assert.deepEqual(storage.session, [['advocacy-demo/employee', second.id]]);
    assert.equal(storage.cookie, '');
    const everything = await page.evaluate(() => {
      // The light DOM and every shadow root, attributes included.
      const parts: string[] = [document.documentElement.outerHTML];
      const roots: ShadowRoot[] = [];
      for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const child of root.children) parts.push(child.outerHTML);
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      return parts.join('\n');
    });
    assert.ok(tokens.length >= 3);
    for (const token of tokens) {
      assert.ok(!everything.includes(token), 'no token in the DOM');
      assert.ok(!JSON.stringify(storage).includes(token), 'no token in storage');
    }
    await context.close();
  });

  it('shows the page and the widgets in French with ?lang=fr, and the language links switch it', async () => {
    const { context, page } = await openIntranet();
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(/\?lang=fr$/);
    await widgetsReady(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.match(await page.title(), /^Intranet Northwind/);
    assert.equal(await page.getByRole('link', { name: 'Aller au contenu principal' }).count(), 1);
    await page.getByRole('heading', { level: 2, name: 'Partagez les dernières actualités' }).waitFor();
    // The widgets follow the page's lang.
    await firstCard(page).getByRole('button', { name: /^Partager sur / }).waitFor();
    await page.locator('adv-leaderboard caption').filter({ hasText: 'Classement' }).waitFor();
    assert.equal(await page.locator('adv-share-feed [part~="list"]').getAttribute('aria-label'), 'Contenus à partager');
    assert.match(await page.getByRole('status').first().innerText(), /^Vous agissez en tant que /);

    await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\?lang=en$/);
    await widgetsReady(page);
    await firstCard(page).getByRole('button', { name: /^Share on / }).waitFor();
    await context.close();
  });

  it('works with the keyboard alone: Tab reaches the skip link, the picker, the first card and its Share button, always with a visible focus ring', async () => {
    const { context, page } = await openIntranet();

    await page.keyboard.press('Tab');
    let stop = await focused(page);
    assert.equal(stop.text, 'Skip to main content');
    assert.ok(stop.ring, 'the skip link shows its focus');
    assert.ok(await page.getByRole('link', { name: 'Skip to main content' }).isVisible(), 'the skip link is visible once focused');

    const stops: Awaited<ReturnType<typeof focused>>[] = [stop];
    const seen = { picker: false, cardStart: false, share: false };
    for (let presses = 0; presses < 40 && !seen.share; presses++) {
      await page.keyboard.press('Tab');
      stop = await focused(page);
      stops.push(stop);
      assert.ok(stop.ring, `visible focus on ${stop.path.join(' > ')} "${stop.text || stop.label}"`);
      if (stop.id === 'employee') seen.picker = true;
      if (stop.path.includes('adv-share-card') && !seen.cardStart) {
        seen.cardStart = true;
        assert.ok(seen.picker, 'the picker comes before the feed');
      }
      if (stop.path.includes('adv-share-card') && stop.tag === 'button' && /^Share on /.test(stop.text)) seen.share = true;
    }
    assert.deepEqual(seen, { picker: true, cardStart: true, share: true }, stops.map((s) => `${s.path.join('>')} ${s.text || s.label}`).join('\n'));
    // The Share button belongs to the feed's first card: the cards inside come in order.
    assert.equal(stops.filter((s) => s.path.includes('adv-share-card') && /^Share on /.test(s.text)).length, 1);

    // Choosing an employee with the keyboard: the picker takes arrow keys and the widgets follow.
    await page.getByLabel('Act as').focus();
    const before = await page.getByLabel('Act as').inputValue();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((previous) => (document.getElementById('employee') as HTMLSelectElement).value !== previous, before);
    await widgetsReady(page);

    // The skip link moves focus to the main content, past the header.
    await page.reload();
    await widgetsReady(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.keyboard.press('Tab');
    stop = await focused(page);
    assert.ok(stop.path.includes('adv-share-feed'), `after the skip link, Tab goes into the feed: ${stop.path.join(' > ')}`);
    await context.close();
  });

  it('opened under a name that is not this machine, explains where to open it instead of showing widgets that cannot load', async () => {
    // The demo routes answer only clients on the server's machine under a loopback name: this browser reaches the
    // same server under the name intranet.test, as a page that rebinds its own name would.
    const port = new URL(stack.url).port;
    const remote = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP intranet.test 127.0.0.1'] });
    try {
      const page = await remote.newPage();
      await page.goto(`http://intranet.test:${port}/demo/intranet`);
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: `open http://localhost:${port}/demo/intranet there` }).waitFor();
      assert.equal(await page.locator('adv-provider').isHidden(), true);
      assert.equal(await page.getByLabel('Act as').isDisabled(), true);
    } finally {
      await remote.close();
    }
  });

  it('fits the screen from a phone to a wide desktop: no sideways scrolling', async () => {
    const { context, page } = await openIntranet();
    for (const width of [390, 768, 1024, 1152, 1280, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      // Widgets that follow their own width (the leaderboard) re-render on the frame after a resize.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.equal(scrollWidth, width, `at ${width}px the page is ${scrollWidth}px wide`);
    }
    await context.close();
  });

  it('has no axe violations, in English and in French', async () => {
    // axe is injected by the test, so this context bypasses the page's CSP (the CSP itself is strict-csp.test.ts's business).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const lang of ['en', 'fr']) {
      const page = await context.newPage();
      await page.goto(`${stack.url}/demo/intranet?lang=${lang}`);
      await widgetsReady(page);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
      });
      assert.deepEqual(violations, [], `${lang}: ${JSON.stringify(violations, null, 2)}`);
      await page.close();
    }
    await context.close();
  });
});

/** The header names the organisation and has the landmarks an intranet page has. */
async function expectHeader(page: Page): Promise<void> {
  await page.getByRole('banner').getByText('Northwind', { exact: true }).waitFor();
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('complementary').count(), 1);
  assert.equal(await page.getByRole('contentinfo').count(), 1);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  assert.deepEqual(
    await page.locator('h2').allInnerTexts(),
    ['Share the latest news', 'Your impact', 'Top ambassadors', 'Our programme', 'What colleagues tell candidates', 'Tell candidates about your work'],
  );
}
