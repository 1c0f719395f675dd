// The demo career site on the running stack, in Chromium: no axe violation,
// server-rendered or hydrated, and a testimonial's whole life: submitted,
// approved, shown, withdrawn, gone. The candidate's journeys (without
// JavaScript, hydration, filters, keyboard) run in Chromium and Firefox ESR
// in career-journeys.test.ts.
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
  const quotesIn = (page: Page, id: string): Promise<string[]> => page.locator(`#${id} blockquote`).allInnerTexts();

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    demo = await api<Demo>('GET', '/v1/demo');
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('has no axe violations, server-rendered and hydrated, in English and in French', async () => {
    // axe is injected by the test, so this context bypasses the page's CSP (the CSP is checked above).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const hydrated of [false, true]) {
      for (const lang of ['en', 'fr']) {
        const page = await context.newPage();
        // Without the loader, the page stays as the server rendered it (what a search engine or a slow phone sees).
        if (!hydrated) await page.route('**/cdn/advocacy.js', (route) => route.abort());
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
