// Time from script start to each widget's first ready render (its adv-load
// event), and the page's long tasks, in Chromium at 4× CPU slowdown, against
// the real stack (`npm start` with the demo data). Baseline in the same run:
// the same page with a trivial Lit element rendering static text, built with
// advocacy.bundle.js's own Rollup settings. Goal (issue 6): no long task over 50 ms.
//
// Each run is a first visit: a fresh browser context (empty HTTP cache). The
// page is written (page.setContent) into a document the stack served as
// http://localhost:<port> (the host site); advocacy.bundle.js (every widget in one file) comes from the stack's
// /cdn/ on that origin; the API is called as http://127.0.0.1:<port>, another
// origin, as an API usually is (CORS, with a preflight for the employee's
// token). The demo keys allow both origins. (A same-origin GET carries no
// Origin header, which the API refuses for a publishable key; a page served
// by page.route is not in the loopback address space, so Chromium's local
// network access checks refuse its calls to 127.0.0.1.) One warm-up run per
// case is not counted.
//
// BENCH_PROFILE=<case name> (e.g. adv-leaderboard) then profiles that case's
// loads (CDP Profiler, separate loads) and prints self time by source file of
// advocacy.bundle.js, through its source map.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { CDN_DIR, LIT_HELLO_ENTRY, buildLikeCdn, ensureCdnBuilt, sourceLookup } from './helpers/cdn-build.js';
import { CPU_SLOWDOWN, RUNS, launchBrowser, median, ms, startDemoStack, throttledPage, type DemoStack } from './helpers/browser-bench.js';

const PAGE_HTML = readFileSync(new URL('./pages/widget-render.html', import.meta.url), 'utf8');
const LONG_TASK_GOAL_MS = 50;
/** BENCH_PROFILE=<case name, e.g. adv-leaderboard>: also profile that case's loads and print self time by source. */
const PROFILE = process.env['BENCH_PROFILE'];

interface Case {
  name: string;
  script: 'bundle' | 'floor';
  tags: { tag: string; attributes?: Record<string, string> }[];
  auth?: 'employee' | 'public';
}

interface RunResult {
  /** Milliseconds from script start until the bundle's module was evaluated. */
  scriptMs: number;
  /** Milliseconds from script start until the last element's adv-load. */
  readyMs: number;
  /** Long tasks (over 50 ms by definition): start from script start, and duration. */
  longTasks: { startMs: number; duration: number }[];
}

const employee = (tag: string, attributes: Record<string, string> = {}): Case => ({ name: tag, script: 'bundle', tags: [{ tag, attributes }], auth: 'employee' });

function cases(demo: DemoStack): Case[] {
  return [
    { name: 'Lit floor (static text)', script: 'floor', tags: [{ tag: 'bench-hello' }] },
    employee('adv-share-card', { 'content-id': demo.contentId }),
    employee('adv-share-feed'),
    employee('adv-leaderboard'),
    { name: 'adv-testimonials (public)', script: 'bundle', tags: [{ tag: 'adv-testimonials' }], auth: 'public' },
    employee('adv-testimonial-form'),
    employee('adv-my-impact'),
    { name: 'adv-program-stats (public)', script: 'bundle', tags: [{ tag: 'adv-program-stats', attributes: { public: '' } }], auth: 'public' },
    {
      name: 'intranet page (5 widgets)',
      script: 'bundle',
      tags: ['adv-share-feed', 'adv-leaderboard', 'adv-my-impact', 'adv-testimonial-form', 'adv-program-stats'].map((tag) => ({ tag })),
      auth: 'employee',
    },
  ];
}

/** Self time (ms) by source file of advocacy.js (through its source map), or by browser function, summed over profiled loads. */
const profileTotals = new Map<string, number>();
let profiledLoads = 0;
const sourceOf = PROFILE ? sourceLookup(join(CDN_DIR, 'advocacy.bundle.js')) : undefined;

function addProfile(profile: { nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const selfMs = new Map<number, number>();
  profile.samples?.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000));
  for (const node of profile.nodes) {
    const self = selfMs.get(node.id);
    if (!self) continue;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const source = url.endsWith('/cdn/advocacy.bundle.js') ? sourceOf?.(lineNumber, columnNumber)?.replace(/^(\.\.\/)+/, '') : undefined;
    const key = source ? `${source} ${functionName || '(anonymous)'}` : url ? `${url.split('/').pop() ?? url} ${functionName}` : functionName || '(native)';
    profileTotals.set(key, (profileTotals.get(key) ?? 0) + self);
  }
  profiledLoads += 1;
}

async function run(browser: Browser, demo: DemoStack, floorFile: string, testCase: Case, profile = false): Promise<RunResult> {
  const site = demo.origin.replace('//127.0.0.1:', '//localhost:');
  const floorUrl = `${site}/bench/lit-hello.js`;
  const { context, page, cdp } = await throttledPage(browser, {
    [floorUrl]: { path: floorFile, type: 'text/javascript; charset=utf-8' },
  });
  try {
    const setup = {
      script: testCase.script === 'floor' ? floorUrl : `${site}/cdn/advocacy.bundle.js`,
      tags: testCase.tags,
      configure:
        testCase.auth === 'employee'
          ? { apiUrl: demo.origin, token: demo.token }
          : testCase.auth === 'public'
            ? { apiUrl: demo.origin, publishableKey: demo.publishableKey }
            : undefined,
    };
    await page.goto(`${site}/cdn/sri.json`);
    await page.evaluate((value) => Object.assign(window, { benchSetup: value }), setup);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.setContent(PAGE_HTML);
    await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 60_000 });
    if (profile) addProfile((await cdp.send('Profiler.stop')).profile);
    // Long tasks that end after the first render (layout of the new content) count too.
    await page.waitForTimeout(500);
    const outcome = await page.evaluate(() => {
      const bench = window as unknown as {
        benchResult: { scriptMs?: number; ready?: { tag: string; ms: number }[]; error?: string };
        benchLongTasks: { startTime: number; duration: number }[];
      };
      const start = performance.getEntriesByName('bench-start')[0]?.startTime ?? 0;
      return { result: bench.benchResult, longTasks: bench.benchLongTasks.map((task) => ({ startMs: task.startTime - start, duration: task.duration })) };
    });
    const { result } = outcome;
    if (result.error || !result.ready || result.scriptMs === undefined) throw new Error(`${testCase.name}: ${result.error ?? 'no result'}`);
    return { scriptMs: result.scriptMs, readyMs: Math.max(...result.ready.map((entry) => entry.ms)), longTasks: outcome.longTasks };
  } finally {
    await context.close();
  }
}

ensureCdnBuilt();
const floorFile = await buildLikeCdn(LIT_HELLO_ENTRY, 'lit-hello.js');
const [demo, browser] = await Promise.all([startDemoStack(), launchBrowser()]);
try {
  const all = cases(demo);
  const results = new Map<Case, RunResult[]>(all.map((testCase) => [testCase, []]));
  for (const testCase of all) await run(browser, demo, floorFile, testCase); // warm-up (server caches, Chromium's compile cache)
  // Interleaved: every case once per round, so drift on a shared machine touches them all alike.
  for (let round = 0; round < RUNS; round += 1) {
    for (const testCase of all) results.get(testCase)?.push(await run(browser, demo, floorFile, testCase));
    process.stdout.write(`round ${round + 1}/${RUNS}\r`);
  }

  const floorMedian = median((results.get(all[0] as Case) ?? []).map((result) => result.readyMs));
  const rows: Record<string, Record<string, string>> = {};
  let overGoal = false;
  for (const testCase of all) {
    const runs = results.get(testCase) ?? [];
    // A page with several widgets is ready when the last one is.
    const ready = runs.map((result) => result.readyMs);
    const longestPerRun = runs.map((result) => result.longTasks.reduce((longest, task) => (task.duration > longest.duration ? task : longest), { startMs: NaN, duration: 0 }));
    const longest = Math.max(...longestPerRun.map((task) => task.duration));
    overGoal ||= testCase.script === 'bundle' && longest > LONG_TASK_GOAL_MS;
    rows[testCase.name] = {
      'script evaluated': ms(median(runs.map((result) => result.scriptMs))),
      'ready (median)': ms(median(ready)),
      'min–max': `${Math.min(...ready).toFixed(0)}–${Math.max(...ready).toFixed(0)} ms`,
      '/ Lit floor': (median(ready) / floorMedian).toFixed(2),
      'long tasks per run': String(median(runs.map((result) => result.longTasks.length))),
      'longest task (median)': longest > 0 ? ms(median(longestPerRun.map((task) => task.duration))) : '—',
      'longest task (max)': longest > 0 ? ms(longest) : `none > ${LONG_TASK_GOAL_MS} ms`,
      'it starts at (median)': longest > 0 ? ms(median(longestPerRun.filter((task) => task.duration > 0).map((task) => task.startMs))) : '—',
    };
  }
  console.log(`\nChromium at ${CPU_SLOWDOWN}× CPU slowdown, ${RUNS} runs per case (after one warm-up), each a first visit.`);
  console.table(rows);
  console.log(`goal: no long task over ${LONG_TASK_GOAL_MS} ms: ${overGoal ? 'not met' : 'met'}`);

  const profiled = all.find((testCase) => testCase.name === PROFILE);
  if (PROFILE && !profiled) console.error(`BENCH_PROFILE: no case named ${PROFILE} (${all.map((testCase) => testCase.name).join(', ')})`);
  if (profiled) {
    // Separate loads: the profiler itself slows the page, so they are not among the timed runs.
    for (let round = 0; round < RUNS; round += 1) await run(browser, demo, floorFile, profiled, true);
    const top = [...profileTotals].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`\n${profiled.name}: self time per load (mean of ${profiledLoads} profiled loads, from page write to first ready render), top 25:`);
    console.table(Object.fromEntries(top.map(([key, total]) => [key, ms(total / profiledLoads)])));
  }
} finally {
  await browser.close();
  await demo.stack.stop();
}
