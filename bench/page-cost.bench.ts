// What a page costs (issue 17): for each real page kind, the brotli bytes of
// the widget code the browser fetches, the main-thread time and the longest
// task, in Chromium at 4× CPU slowdown against the real stack (`npm start`
// with the demo data), beside the Lit floor (a trivial Lit element built like
// the single file) in the same run. Both delivery forms side by side: the
// single-file bundles (advocacy.bundle.js, advocacy-hydrate.js, advocacy-admin.js)
// and the code-split loader (advocacy.js, which imports the core chunk
// and each tag's chunk on first use).
//
// Bytes: every file the page fetched from the stack's /cdn/, each compressed
// here with brotli quality 11 (the same for every file, whatever the server
// sends). Main-thread time: CDP Performance.getMetrics TaskDuration (script,
// style, layout) from writing the page until 500 ms after the last widget's
// first ready render (adv-load). Longest task: the page's PerformanceObserver
// long tasks (only tasks over 50 ms are reported; "none" is under 50 ms).
// The share card's main-thread time is also set against shareon's share
// buttons (see share-buttons.bench.ts) measured on the same kind of page.
//
// Each run is a first visit in a fresh browser context (as widget-render.bench.ts:
// a document of the host origin localhost, the API on 127.0.0.1); the page's
// HTML (server-rendered markup included) is parsed with setHTMLUnsafe before
// its scripts load. One warm-up round, then BENCH_RUNS interleaved rounds.
// BENCH_DEBUG=1 prints the pages' console messages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { CDN_DIR, LIT_HELLO_ENTRY, buildLikeCdn, sizesOfFile } from './helpers/cdn-build.js';
import { CPU_SLOWDOWN, RUNS, launchBrowser, median, ms, startDemoStack, throttledPage, type DemoStack } from './helpers/browser-bench.js';

const PAGE_HTML = readFileSync(new URL('./pages/page-cost.html', import.meta.url), 'utf8');
const SHAREON_DIR = dirname(createRequire(import.meta.url).resolve('shareon'));
const CHUNKS_DIR = join(CDN_DIR, 'chunks');
/** What cdn-admin.ts defines: the programme console's widgets. */
const ADMIN_TAGS = ['adv-program-dashboard', 'adv-content-library', 'adv-moderation-queue', 'adv-people', 'adv-program-settings'];
const INTRANET_TAGS = ['adv-share-feed', 'adv-leaderboard', 'adv-my-impact', 'adv-testimonial-form', 'adv-program-stats'];

type Delivery = 'bundle' | 'loader' | 'none';
type PageKind = 'empty page' | 'floor' | 'shareon' | 'share card' | 'share feed' | 'testimonials (public)' | 'career page, SSR + hydrated' | 'intranet, five widgets' | 'admin console';

interface Case {
  kind: PageKind;
  delivery: Delivery;
  /** The page's HTML inside <main>. */
  markup: string;
  /** Elements whose adv-load ends the page's work. */
  ready?: string;
  modules: string[];
  classic?: string[];
  init?: 'shareon';
  auth?: 'employee' | 'admin' | 'public';
}

interface RunResult {
  /** Brotli bytes per fetched file (path under /cdn/ or the floor's URL). */
  files: Map<string, number>;
  mainThreadMs: number;
  readyMs: number;
  longestTaskMs: number;
}

interface Goal {
  kind: PageKind;
  bytesKb: number;
  longestMs?: number;
}

const GOALS: Goal[] = [
  { kind: 'share card', bytesKb: 17, longestMs: 50 },
  { kind: 'testimonials (public)', bytesKb: 15, longestMs: 50 },
  { kind: 'career page, SSR + hydrated', bytesKb: 16, longestMs: 50 },
  { kind: 'intranet, five widgets', bytesKb: 30, longestMs: 100 },
];
const LOADER_GOAL_KB = 3;
const SHAREON_RATIO_GOAL = 4;

const brotliCache = new Map<string, number>();
function brotliOf(path: string): number {
  let size = brotliCache.get(path);
  if (size === undefined) brotliCache.set(path, (size = sizesOfFile(path).brotli));
  return size;
}
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The chunks only the admin widgets' chunks import (statically or not), with those chunks: what an employee page must never fetch. */
function adminChunkFiles(manifest: { core: string; hydrate: string; widgets: Record<string, string> }): Set<string> {
  const importsOf = (file: string): string[] =>
    [...readFileSync(join(CDN_DIR, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']\.\/([\w.-]+\.js)["']/g)].map((match) => `chunks/${match[1]}`);
  const reach = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const queue = [...roots];
    for (let file = queue.pop(); file; file = queue.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...importsOf(file));
    }
    return seen;
  };
  const [admin, others] = Object.entries(manifest.widgets).reduce<[string[], string[]]>(
    ([a, o], [tag, file]) => (ADMIN_TAGS.includes(tag) ? [[...a, file], o] : [a, [...o, file]]),
    [[], []],
  );
  const shared = reach([manifest.core, manifest.hydrate, ...others]);
  return new Set([...reach(admin)].filter((file) => !shared.has(file)));
}

/** The career page's provider and its two server-rendered testimonials widgets, as /demo/careers sends them. */
async function careerMarkup(origin: string): Promise<string> {
  const response = await fetch(`${origin}/demo/careers`);
  if (!response.ok) throw new Error(`GET /demo/careers: ${response.status}`);
  const page = await response.text();
  const markup = /<adv-provider[\s\S]*<\/adv-provider>/.exec(page)?.[0];
  if (!markup || !markup.includes('shadowrootmode')) throw new Error('/demo/careers has no server-rendered testimonials');
  return markup;
}

/** A token for the demo organisation's admin (the console's widgets need the admin role). */
async function adminToken(origin: string): Promise<string> {
  const demo = (await (await fetch(`${origin}/v1/demo`)).json()) as { employees: { id: string; isAdmin: boolean }[] };
  const admin = demo.employees.find((person) => person.isAdmin);
  if (!admin) throw new Error('The demo organisation has no admin');
  const response = await fetch(`${origin}/v1/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: admin.id }) });
  if (!response.ok) throw new Error(`POST /v1/demo/token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function cases(demo: DemoStack, site: string, career: string): Case[] {
  const tags = (names: string[], attributes = ''): string => names.map((tag) => `<${tag}${attributes}></${tag}>`).join('\n');
  const both = (kind: PageKind, markup: string, ready: string, auth: Case['auth'], bundle: string): Case[] => [
    { kind, delivery: 'bundle', markup, ready, modules: [`${site}/cdn/${bundle}`], auth },
    { kind, delivery: 'loader', markup, ready, modules: [`${site}/cdn/advocacy.js`], auth },
  ];
  return [
    // The harness alone (the page written, nothing loaded): subtracted where a page's own cost is compared.
    { kind: 'empty page', delivery: 'none', markup: '', modules: [] },
    { kind: 'floor', delivery: 'bundle', markup: '<bench-hello></bench-hello>', ready: 'bench-hello', modules: [`${site}/bench/lit-hello.js`] },
    {
      kind: 'shareon',
      delivery: 'bundle',
      markup: `<div class="shareon" data-url="https://example.com/jobs" data-title="We are hiring" data-text="Come and work with us">${['linkedin', 'twitter', 'facebook', 'bluesky', 'mastodon', 'whatsapp', 'email', 'copy-url'].map((network) => `<a class="${network}"></a>`).join('')}</div>`,
      modules: [],
      classic: [`${site}/bench/shareon/shareon.iife.js`],
      init: 'shareon',
    },
    ...both('share card', `<adv-share-card content-id="${demo.contentId}"></adv-share-card>`, 'adv-share-card', 'employee', 'advocacy.bundle.js'),
    ...both('share feed', '<adv-share-feed></adv-share-feed>', 'adv-share-feed', 'employee', 'advocacy.bundle.js'),
    ...both('testimonials (public)', '<adv-testimonials></adv-testimonials>', 'adv-testimonials', 'public', 'advocacy.bundle.js'),
    { kind: 'career page, SSR + hydrated', delivery: 'none', markup: career, modules: [] },
    ...both('career page, SSR + hydrated', career, 'adv-testimonials', undefined, 'advocacy-hydrate.js'),
    ...both('intranet, five widgets', tags(INTRANET_TAGS), INTRANET_TAGS.join(','), 'employee', 'advocacy.bundle.js'),
    ...both('admin console', tags(ADMIN_TAGS), ADMIN_TAGS.join(','), 'admin', 'advocacy-admin.js'),
  ];
}

async function mainThread(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

async function run(browser: Browser, demo: DemoStack, admin: string, floorFile: string, testCase: Case): Promise<RunResult & { serverRendered: number }> {
  const site = demo.origin.replace('//127.0.0.1:', '//localhost:');
  const js = 'text/javascript; charset=utf-8';
  const { context, page, cdp } = await throttledPage(browser, {
    [`${site}/bench/lit-hello.js`]: { path: floorFile, type: js },
    [`${site}/bench/shareon/shareon.iife.js`]: { path: join(SHAREON_DIR, 'shareon.iife.js'), type: js },
  });
  try {
    await page.goto(`${site}/cdn/sri.json`);
    if (process.env['BENCH_DEBUG']) page.on('console', (message) => console.log(`console: ${message.text()}`));
    const files = new Map<string, number>();
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.origin !== site) return;
      if (url.pathname.startsWith('/cdn/')) files.set(url.pathname.slice(5), brotliOf(join(CDN_DIR, url.pathname.slice(5))));
      else if (url.pathname === '/bench/lit-hello.js') files.set('lit-hello.js', brotliOf(floorFile));
      else if (url.pathname === '/bench/shareon/shareon.iife.js') files.set('shareon.iife.js', brotliOf(join(SHAREON_DIR, 'shareon.iife.js')));
    });
    const token = testCase.auth === 'admin' ? admin : demo.token;
    const setup = {
      markup: testCase.markup,
      ready: testCase.ready,
      modules: testCase.modules,
      classic: testCase.classic ?? [],
      init: testCase.init,
      configure:
        testCase.auth === 'public'
          ? { apiUrl: demo.origin, publishableKey: demo.publishableKey }
          : testCase.auth
            ? { apiUrl: demo.origin, token }
            : undefined,
    };
    await page.evaluate((value) => Object.assign(window, { benchSetup: value }), setup);
    await cdp.send('Performance.enable');
    const before = await mainThread(cdp);
    await page.setContent(PAGE_HTML);
    await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(`${testCase.kind} (${testCase.delivery}): no result`, { cause: error });
    });
    // Work after the first render (the feed's later pieces, layout of the new content) counts too.
    await page.waitForTimeout(500);
    const after = await mainThread(cdp);
    const outcome = await page.evaluate(() => {
      const bench = window as unknown as { benchResult: { readyMs?: number; serverRendered?: number; error?: string }; benchLongTasks: { duration: number }[] };
      return { result: bench.benchResult, longest: Math.max(0, ...bench.benchLongTasks.map((task) => task.duration)) };
    });
    const { result } = outcome;
    if (result.error || result.readyMs === undefined) throw new Error(`${testCase.kind} (${testCase.delivery}): ${result.error ?? 'no result'}`);
    if (testCase.delivery === 'none' && testCase.kind.startsWith('career')) {
      // No JavaScript: the server's HTML alone must show the testimonials.
      const text = await page.evaluate(() => document.querySelector('adv-testimonials')?.shadowRoot?.querySelector('blockquote, figure')?.textContent ?? '');
      if (!/\S/.test(text)) {
        const html = await page.evaluate(() => document.getElementById('host')?.innerHTML.slice(0, 600));
        throw new Error(`career page without JavaScript shows no testimonial (${result.serverRendered} shadow roots): ${html}`);
      }
    }
    return { files, mainThreadMs: after - before, readyMs: result.readyMs, longestTaskMs: outcome.longest, serverRendered: result.serverRendered ?? 0 };
  } finally {
    await context.close();
  }
}

// The stack builds first when sources changed (scripts/start.mjs); the CDN files are read after it.
const [demo, browser] = await Promise.all([startDemoStack(), launchBrowser()]);
try {
  const floorFile = await buildLikeCdn(LIT_HELLO_ENTRY, 'lit-hello.js');
  const manifest = JSON.parse(readFileSync(join(CHUNKS_DIR, 'manifest.json'), 'utf8')) as { core: string; hydrate: string; widgets: Record<string, string> };
  const adminFiles = adminChunkFiles(manifest);
  adminFiles.add('advocacy-admin.js');
  const site = demo.origin.replace('//127.0.0.1:', '//localhost:');
  const [career, admin] = await Promise.all([careerMarkup(demo.origin), adminToken(demo.origin)]);
  const all = cases(demo, site, career);
  const results = new Map<Case, RunResult[]>(all.map((testCase) => [testCase, []]));
  for (const testCase of all) {
    const warm = await run(browser, demo, admin, floorFile, testCase); // warm-up (server caches, Chromium's compile cache)
    if (testCase.kind.startsWith('career') && warm.serverRendered < 1) throw new Error('the career page was not parsed with its shadow roots');
  }
  for (let round = 0; round < RUNS; round += 1) {
    for (const testCase of all) results.get(testCase)?.push(await run(browser, demo, admin, floorFile, testCase));
    process.stdout.write(`round ${round + 1}/${RUNS}\r`);
  }

  const summary = (testCase: Case) => {
    const runs = results.get(testCase) ?? [];
    const files = runs[0]?.files ?? new Map<string, number>();
    const bytes = [...files.values()].reduce((sum, size) => sum + size, 0);
    const adminBytes = [...files].filter(([file]) => adminFiles.has(file)).reduce((sum, [, size]) => sum + size, 0);
    return {
      bytes,
      adminBytes,
      files: [...files.keys()],
      mainThread: median(runs.map((result) => result.mainThreadMs)),
      ready: median(runs.map((result) => result.readyMs)),
      longest: median(runs.map((result) => result.longestTaskMs)),
      longestMax: Math.max(...runs.map((result) => result.longestTaskMs)),
    };
  };
  const empty = summary(all[0]!);
  const floor = summary(all[1]!);
  const shareon = summary(all[2]!);
  const rows: Record<string, Record<string, string>> = {};
  for (const testCase of all) {
    const s = summary(testCase);
    rows[`${testCase.kind}${['empty page', 'floor', 'shareon'].includes(testCase.kind) ? '' : ` · ${testCase.delivery === 'none' ? 'no JavaScript' : testCase.delivery}`}`] = {
      'brotli bytes': kb(s.bytes),
      files: String(s.files.length),
      'main thread': ms(s.mainThread),
      'minus empty page': ms(s.mainThread - empty.mainThread),
      '/ Lit floor': ((s.mainThread - empty.mainThread) / (floor.mainThread - empty.mainThread)).toFixed(1),
      'ready (median)': testCase.delivery === 'none' ? '—' : ms(s.ready),
      'longest task (median)': s.longest > 0 ? ms(s.longest) : 'none > 50 ms',
      'longest task (max)': s.longestMax > 0 ? ms(s.longestMax) : 'none > 50 ms',
    };
  }
  console.log(`\nChromium at ${CPU_SLOWDOWN}× CPU slowdown, ${RUNS} runs per case (after one warm-up), each a first visit; medians.`);
  console.log('bytes: the widget code fetched from /cdn/, each file brotli quality 11; main thread: CDP TaskDuration from writing the page to 500 ms after the last adv-load.');
  console.table(rows);
  for (const testCase of all.filter((c) => c.delivery === 'loader')) console.log(`${testCase.kind} · loader fetches: ${summary(testCase).files.join(', ')}`);

  // The goals of issue 17, per delivery form.
  const find = (kind: PageKind, delivery: Delivery) => all.find((c) => c.kind === kind && c.delivery === delivery)!;
  const met = (ok: boolean): string => (ok ? 'met' : 'not met');
  const goals: Record<string, Record<string, string>> = {};
  for (const goal of GOALS) {
    for (const delivery of ['bundle', 'loader'] as const) {
      const s = summary(find(goal.kind, delivery));
      goals[`${goal.kind} · ${delivery}`] = {
        bytes: `${kb(s.bytes)} (goal ≤ ${goal.bytesKb} KB): ${met(s.bytes <= goal.bytesKb * 1024)}`,
        'longest task': `${s.longest > 0 ? ms(s.longest) : '< 50 ms'} (goal ≤ ${goal.longestMs} ms): ${met(s.longest <= (goal.longestMs ?? Infinity))}`,
      };
    }
  }
  const noJs = summary(find('career page, SSR + hydrated', 'none'));
  goals['career page · no JavaScript'] = { bytes: `${kb(noJs.bytes)}, testimonials shown: met`, 'longest task': '—' };
  const loaderBytes = brotliOf(join(CDN_DIR, 'advocacy.js'));
  goals['the loader alone'] = { bytes: `${kb(loaderBytes)} (goal ≤ ${LOADER_GOAL_KB} KB): ${met(loaderBytes <= LOADER_GOAL_KB * 1024)}`, 'longest task': '—' };
  for (const delivery of ['bundle', 'loader'] as const) {
    const employeePages = all.filter((c) => c.delivery === delivery && !['admin console', 'empty page', 'floor', 'shareon'].includes(c.kind));
    const adminBytes = Math.max(...employeePages.map((c) => summary(c).adminBytes));
    goals[`employee and career pages: admin widget bytes · ${delivery}`] = { bytes: `${kb(adminBytes)} (goal 0): ${met(adminBytes === 0)}`, 'longest task': '—' };
  }
  console.log('\nIssue 17 goals (brotli bytes of the page’s widget code; longest task at 4× slowdown, median):');
  console.table(goals);
  const shareonRatio: Record<string, Record<string, string>> = {};
  for (const delivery of ['bundle', 'loader'] as const) {
    const card = summary(find('share card', delivery)).mainThread - empty.mainThread;
    const buttons = shareon.mainThread - empty.mainThread;
    shareonRatio[`share card · ${delivery}`] = {
      'card main thread': ms(card),
      'shareon main thread': ms(buttons),
      'Lit floor main thread': ms(floor.mainThread - empty.mainThread),
      // Shareon's few milliseconds can fall within the empty page's own variation: then no ratio can be given.
      'card / shareon':
        buttons > 0
          ? `${(card / buttons).toFixed(1)} × (goal ≤ ${SHAREON_RATIO_GOAL} ×): ${met(card <= SHAREON_RATIO_GOAL * buttons)}`
          : 'no ratio: shareon’s time is within the empty page’s variation in this run',
    };
  }
  console.log('\nThe share card against shareon’s share buttons (main-thread time, the empty page’s subtracted):');
  console.table(shareonRatio);
} finally {
  await browser.close();
  await demo.stack.stop();
}
