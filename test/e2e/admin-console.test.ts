// The programme console (/demo/admin) on the real stack, as the demo admin
// (Jonas Weber): every admin widget under the intranet's strict CSP, axe in
// English and French, and the admin journey of issue 14 —
// 1. content with LinkedIn and X texts, scheduled a minute ahead, reaches
//    the employee feed only after its publish time;
// 2. an employee shares it and a person's click is credited;
// 3. the dashboard's range containing today shows the share, the reader,
//    the team and the campaign, and its CSV has the same figures;
// 4. a testimonial approved in the moderation queue appears on the
//    server-rendered career page, and is gone from it once its author
//    withdraws it.
// The server runs on the real clock: the scheduled content is awaited (one
// to two minutes), not faked.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setTimeout as delay } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

interface DemoEmployee {
  id: string;
  name: string;
  team: string;
  role: string;
  isAdmin: boolean;
}
interface StatsRow {
  key: string;
  label: string;
  shares: number;
  creditedReaders: number;
}
interface AdminStats {
  rows: StatsRow[];
}

const require = createRequire(import.meta.url);
const ADMIN_TAGS = ['adv-program-dashboard', 'adv-content-library', 'adv-moderation-queue', 'adv-people', 'adv-program-settings'];
/** A reader elsewhere, through the loopback proxy the stack trusts (as in tracked-link.test.ts). */
const READER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0';
const READER_ADDRESS = '203.0.113.41';
/** This run's campaign: no demo content has it, so its row holds exactly the journey's share and reader. */
const CAMPAIGN = `journey-${randomUUID().slice(0, 8)}`;
const TITLE = `Admin journey ${CAMPAIGN}: our new Lisbon office`;

declare global {
  interface Window {
    __consoleViolations: { directive: string; blockedURI: string; sample: string }[];
  }
}

const today = (): string => new Date().toISOString().slice(0, 10);

describe('the programme console', () => {
  let stack: Stack;
  let browser: Browser;
  let employees: DemoEmployee[];
  let admin: DemoEmployee;
  let sharer: DemoEmployee;
  let contentId: string;

  const api = async <T>(method: string, path: string, token?: string, body?: unknown, accept = 'application/json'): Promise<{ status: number; body: T; text: string; headers: Headers }> => {
    const response = await fetch(`${stack.url}${path}`, {
      method,
      headers: {
        accept,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers, body: (accept === 'application/json' && text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const response = await api<T>(method, path, token, body);
    assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const tokenFor = async (employeeId: string): Promise<string> => (await ok<{ token: string }>('POST', '/v1/demo/token', undefined, { employeeId })).token;

  /** Reads until `done` holds. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (done(last)) return last;
      await delay(250);
    }
    throw new Error(`still waiting for ${what}; last read: ${JSON.stringify(last)}`);
  }

  async function newContext(options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
    // The console's times are the admin's zone: UTC here, so the publish time typed is the one sent.
    return browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', acceptDownloads: true, ...options });
  }

  /** Opens the console and waits for the demo admin's sign-in and for every registered admin widget to leave its loading state. */
  async function openConsole(context: BrowserContext, lang: 'en' | 'fr' = 'en'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/admin${lang === 'fr' ? '?lang=fr' : ''}`);
    await page.locator('#identity-status').filter({ hasText: admin.name }).waitFor();
    await page.waitForFunction(
      (tags) => tags.filter((tag) => customElements.get(tag)).every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false'),
      ADMIN_TAGS,
      { timeout: 30_000 },
    );
    return page;
  }

  before(async () => {
    [stack, browser] = await Promise.all([startStack({ TRUST_PROXY: '127.0.0.1' }), launchBrowser()]);
    employees = (await ok<{ employees: DemoEmployee[] }>('GET', '/v1/demo')).employees;
    admin = employees.find((employee) => employee.isAdmin)!;
    assert.equal(admin?.name, 'Jonas Weber');
    // A sharer in a team shown by name on the dashboard (5 people or more).
    sharer = employees.find((employee) => !employee.isAdmin && employee.team === 'Engineering')!;
    assert.ok(sharer);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows every admin widget to the demo admin, ready, with no CSP violation, in English and French', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const context = await newContext();
      const consolePage = await context.newPage();
      const errors: string[] = [];
      consolePage.on('pageerror', (error) => errors.push(error.message));
      // Every listener in place before the page's first script runs.
      await consolePage.addInitScript(() => {
        window.__consoleViolations = [];
        window.addEventListener('securitypolicyviolation', (event) => window.__consoleViolations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample }), true);
      });
      const response = await consolePage.goto(`${stack.url}/demo/admin${lang === 'fr' ? '?lang=fr' : ''}`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);
      await consolePage.locator('#identity-status').filter({ hasText: admin.name }).waitFor();
      const registered = await consolePage.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), ADMIN_TAGS);
      assert.deepEqual(registered, ADMIN_TAGS, `advocacy-admin.js registers every admin widget (missing: ${ADMIN_TAGS.filter((tag) => !registered.includes(tag)).join(', ') || 'none'})`);
      const states = await consolePage.waitForFunction(
        (tags) => {
          const bases = tags.map((tag) => [tag, document.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]')] as const);
          if (bases.some(([, base]) => !base || base.getAttribute('aria-busy') !== 'false')) return false;
          return Object.fromEntries(bases.map(([tag, base]) => [tag, base?.querySelector('[part~="error"], [part~="admin-required"]') ? 'error' : 'ready']));
        },
        ADMIN_TAGS,
        { timeout: 30_000 },
      );
      assert.deepEqual(await states.jsonValue(), Object.fromEntries(ADMIN_TAGS.map((tag) => [tag, 'ready'])), lang);
      await consolePage.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      assert.deepEqual(await consolePage.evaluate(() => window.__consoleViolations), [], `CSP violations (${lang})`);
      assert.deepEqual(errors, [], lang);
      await context.close();
    }
  });

  it('has no axe violations in English and French', async () => {
    // axe is injected by the test, so this context bypasses the page's CSP (checked above).
    const context = await newContext({ bypassCSP: true });
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const lang of ['en', 'fr'] as const) {
      const page = await openConsole(context, lang);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((violation) => ({ id: violation.id, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
      });
      assert.deepEqual(violations, [], `${lang}: ${JSON.stringify(violations, null, 2)}`);
      await page.close();
    }
    await context.close();
  });

  it('is linked from the intranet while the signed-in demo employee is a programme admin, and only then', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/demo/intranet`);
    const link = page.getByRole('link', { name: 'Programme console' });
    await page.getByLabel('Act as').selectOption(sharer.id);
    await page.getByRole('status').filter({ hasText: `You are acting as ${sharer.name}.` }).waitFor();
    assert.equal(await link.count(), 0, 'no console link for an employee');
    await page.getByLabel('Act as').selectOption(admin.id);
    await page.getByRole('status').filter({ hasText: `You are acting as ${admin.name}.` }).waitFor();
    await link.click();
    await page.waitForURL(`${stack.url}/demo/admin`);
    await page.locator('#identity-status').filter({ hasText: admin.name }).waitFor();
    await context.close();
  });

  it('1. publishes content with LinkedIn and X texts scheduled a minute ahead: the employee feed has it only after its publish time', async () => {
    const context = await newContext();
    const page = await openConsole(context);
    const library = page.locator('adv-content-library');
    await library.getByRole('button', { name: 'New content' }).click();
    await library.locator('input#title').fill(TITLE);
    await library.locator('input#url').fill(`https://northwind.example/blog/${CAMPAIGN}`);
    await library.locator('input#campaign').fill(CAMPAIGN);
    // The next whole minute and one more: at least a minute ahead (the field takes minutes).
    const publishAt = new Date(Math.ceil((Date.now() + 1_000) / 60_000) * 60_000 + 60_000);
    await library.locator('input#publishAt').fill(publishAt.toISOString().slice(0, 16));
    await library.locator('select#add-network').selectOption('linkedin');
    await library.locator('button#add-text').click();
    await library.locator('textarea#text-linkedin-en').fill('We are opening an office in Lisbon, and my team is moving in. Come and see us!');
    await library.locator('select#add-network').selectOption('x');
    await library.locator('button#add-text').click();
    await library.locator('textarea#text-x-en').fill('New Northwind office in Lisbon 🇵🇹');
    await library.getByRole('radio', { name: 'Publish (at the publish time)' }).check();
    await library.locator('button[part="save"]').click();
    await library.getByText(`Created “${TITLE}”.`).waitFor();
    await context.close();

    const adminToken = await tokenFor(admin.id);
    const scheduled = await ok<{ items: { id: string; title: string; state?: string; publishAt: string | null; suggestedTexts: Record<string, Record<string, string>> }[] }>(
      'GET',
      `/v1/content?status=scheduled&q=${encodeURIComponent(CAMPAIGN)}`,
      adminToken,
    );
    const created = scheduled.items.find((item) => item.title === TITLE);
    assert.ok(created, `the content is listed as scheduled: ${JSON.stringify(scheduled.items.map((item) => item.title))}`);
    contentId = created.id;
    assert.equal(created.publishAt, publishAt.toISOString());
    assert.deepEqual(Object.keys(created.suggestedTexts).sort(), ['linkedin', 'x']);

    const employeeToken = await tokenFor(sharer.id);
    const feedHasIt = async (): Promise<boolean> => (await ok<{ items: { id: string }[] }>('GET', '/v1/content?limit=50', employeeToken)).items.some((item) => item.id === contentId);
    assert.ok(Date.now() < publishAt.getTime() - 5_000, 'still before the publish time');
    assert.equal(await feedHasIt(), false, 'not in the feed before its publish time');
    assert.equal((await api('GET', `/v1/content/${contentId}`, employeeToken)).status, 404, 'nor readable by an employee');
    await delay(Math.max(0, publishAt.getTime() - Date.now() - 3_000));
    assert.equal(await feedHasIt(), false, 'still not in the feed seconds before its publish time');
    await until(feedHasIt, Boolean, 'the content to reach the feed after its publish time', 30_000);
    assert.ok(Date.now() >= publishAt.getTime(), 'it arrived only once its publish time had come');
  });

  it('2. an employee shares it, and a reader is credited', async () => {
    assert.ok(contentId, 'step 1 created the content');
    const employeeToken = await tokenFor(sharer.id);
    const share = await ok<{ trackedUrl: string; code: string }>('POST', '/v1/shares', employeeToken, { contentId, network: 'linkedin' });
    const followed = await fetch(share.trackedUrl, { redirect: 'manual', headers: { 'user-agent': READER, 'x-forwarded-for': READER_ADDRESS } });
    assert.equal(followed.status, 302);
    assert.equal(new URL(followed.headers.get('location') ?? '').pathname, `/blog/${CAMPAIGN}`);
    const adminToken = await tokenFor(admin.id);
    await until(
      async () => (await ok<AdminStats>('GET', `/v1/admin/stats?from=${today()}&to=${today()}&groupBy=campaign`, adminToken)).rows.find((row) => row.key === CAMPAIGN),
      (row) => row?.shares === 1 && row.creditedReaders === 1,
      'the campaign row to show one share and one credited reader',
    );
  });

  it('3. the dashboard over a range containing today shows the share, the reader, the team and the campaign, and its CSV the same figures', async () => {
    const adminToken = await tokenFor(admin.id);
    const range = `from=${today()}&to=${today()}`;
    const byTeam = await ok<AdminStats>('GET', `/v1/admin/stats?${range}&groupBy=team`, adminToken);
    const team = byTeam.rows.find((row) => row.label === sharer.team);
    assert.ok(team && team.shares >= 1 && team.creditedReaders >= 1, `the sharer's team has today's share and reader: ${JSON.stringify(byTeam.rows)}`);

    const context = await newContext();
    const page = await openConsole(context);
    const dashboard = page.locator('adv-program-dashboard');
    await dashboard.locator('form[part="range"] input').first().fill(today());
    await dashboard.locator('form[part="range"] input').nth(1).fill(today());
    await dashboard.getByRole('button', { name: 'Show', exact: true }).click();
    const rowOf = async (label: string): Promise<string[]> => {
      const row = dashboard.locator('table[part="table"] tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
      await row.waitFor();
      return (await row.locator('th, td').allInnerTexts()).map((cell) => cell.trim());
    };

    await dashboard.getByRole('radio', { name: 'By campaign' }).check();
    const campaignRow = await rowOf(CAMPAIGN);
    assert.deepEqual(campaignRow.slice(0, 3), [CAMPAIGN, '1', '1'], 'the campaign: one share, one reader');
    const download = page.waitForEvent('download');
    await dashboard.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    const csvRow = csv.split('\r\n').find((line) => line.split(',')[0]?.replace(/"/g, '') === CAMPAIGN || line.includes(`,${CAMPAIGN},`) || line.startsWith(`${CAMPAIGN},`));
    assert.ok(csvRow, `the CSV has the campaign:\n${csv}`);
    const header = csv.split('\r\n')[0]!.split(',');
    const cells = csvRow.split(',');
    const column = (name: RegExp): string => cells[header.findIndex((cell) => name.test(cell))] ?? '';
    assert.equal(column(/^"?shares"?$/i), '1', `shares in the CSV: ${header.join(',')}`);
    assert.equal(column(/reader/i), '1', `readers in the CSV: ${header.join(',')}`);

    const apiCsv = await api<string>('GET', `/v1/admin/stats?${range}&groupBy=campaign`, adminToken, undefined, 'text/csv');
    assert.equal(apiCsv.status, 200);
    assert.equal(apiCsv.text, csv, 'the downloaded file is the API’s CSV');

    await dashboard.getByRole('radio', { name: 'By team' }).check();
    const teamRow = await rowOf(sharer.team);
    assert.deepEqual(teamRow.slice(0, 3), [sharer.team, team.shares.toLocaleString('en'), team.creditedReaders.toLocaleString('en')], 'the team, as the API counts it');
    await context.close();
  });

  it('4. a testimonial approved in the moderation queue appears on the career page, and is gone once its author withdraws it', async () => {
    const author = employees.find((employee) => !employee.isAdmin && employee.id !== sharer.id)!;
    const authorToken = await tokenFor(author.id);
    const quote = `Console journey ${randomUUID()}: the Lisbon office has the best view in the company.`;
    const consent = await ok<{ version: string }>('GET', '/v1/testimonials/consent?locale=en', authorToken);
    const submitted = await ok<{ id: string; status: string }>('POST', '/v1/testimonials', authorToken, {
      quote,
      role: author.role,
      team: author.team,
      location: 'Lisbon',
      locale: 'en',
      consent: { version: consent.version, accepted: true },
    });
    assert.equal(submitted.status, 'pending');
    const careerPageHas = async (): Promise<boolean> => (await (await fetch(`${stack.url}/demo/careers`)).text()).includes(quote);
    assert.equal(await careerPageHas(), false, 'pending: not on the career page');

    const context = await newContext();
    const page = await openConsole(context);
    const item = page.locator(`adv-moderation-queue [part~="item"][data-id="${submitted.id}"]`);
    await item.waitFor();
    await item.locator('[part~="approve"]').click();
    await page.locator('adv-moderation-queue').getByText(/The testimonial by .+ is approved\./).waitFor();
    await context.close();

    await until(careerPageHas, Boolean, 'the approved testimonial on the server-rendered career page', 5_000);
    const withdrawn = await ok<{ status: string }>('POST', `/v1/testimonials/${submitted.id}/withdraw`, authorToken, {});
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(await careerPageHas(), false, 'withdrawn: gone from the career page at once');
  });
});
