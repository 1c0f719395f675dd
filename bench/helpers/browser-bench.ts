// Shared parts of the browser benchmarks: the real stack (as `npm start`
// runs it) with a demo employee's token, Chromium pages at a CPU slowdown,
// bench pages from bench/pages served at a URL of the stack's own origin,
// and small statistics.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { startStack, type Stack } from '../../test/e2e/helpers/stack.js';

export { launchBrowser } from '../../test/e2e/helpers/browser.js';

/** The CPU slowdown every browser figure is measured at (a mid-range phone, as Lighthouse assumes). */
export const CPU_SLOWDOWN = 4;

/** Measured runs per case, after one warm-up run that is not counted. */
export const RUNS = Math.max(5, Number(process.env['BENCH_RUNS'] ?? 7));

export interface DemoStack {
  stack: Stack;
  /** The stack's origin, e.g. `http://127.0.0.1:41234` (API, CDN files, bench pages). */
  origin: string;
  publishableKey: string;
  /** A demo employee's JWT (valid one hour), from POST /v1/demo/token. */
  token: string;
  /** A piece of content the employee can share. */
  contentId: string;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Starts the stack (building first when sources changed) and gets a demo employee's credentials. */
export async function startDemoStack(): Promise<DemoStack> {
  console.log('Starting the stack (npm start; builds first when sources changed)…');
  const stack = await startStack();
  try {
    const origin = stack.url;
    const demo = await json<{ publishableKey: string; employees: { id: string; isAdmin: boolean }[] }>(await fetch(`${origin}/v1/demo`));
    const employee = demo.employees.find((person) => !person.isAdmin) ?? demo.employees[0];
    if (!employee) throw new Error('The demo organisation has no employees');
    const { token } = await json<{ token: string }>(
      await fetch(`${origin}/v1/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ employeeId: employee.id }),
      }),
    );
    const content = await json<{ items: { id: string }[] }>(
      await fetch(`${origin}/v1/content?limit=1`, { headers: { authorization: `Bearer ${token}` } }),
    );
    const contentId = content.items[0]?.id;
    if (!contentId) throw new Error('The demo organisation has no content');
    return { stack, origin, publishableKey: demo.publishableKey, token, contentId };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

export interface ThrottledPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/**
 * A page in a fresh browser context (empty HTTP cache, as a first visit)
 * with the CPU slowed down. `routes` maps URLs of the stack's origin to files
 * (bench pages, floors) served in place of the server's answer.
 */
export async function throttledPage(browser: Browser, routes: Record<string, { path: string; type: string }>): Promise<ThrottledPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [url, file] of Object.entries(routes)) {
    const body = readFileSync(file.path);
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: file.type, body }));
  }
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/** Main-thread JavaScript time so far (CDP Performance.getMetrics ScriptDuration), in milliseconds. */
export async function scriptDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = metrics.find((entry) => entry.name === 'ScriptDuration');
  if (!metric) throw new Error('No ScriptDuration metric (call Performance.enable first)');
  return metric.value * 1000;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
