// Our share card against the shareon share buttons (npm package `shareon`)
// on the same page in the same run, in Chromium at 4× CPU slowdown: the
// main-thread JavaScript time (CDP Performance.getMetrics ScriptDuration)
// each one costs, from loading its script to being usable: shareon's script
// and init(); the kit's script(s), the connection and the card's first ready
// render (adv-load) with the content from the real stack.
//
// Not the same work: shareon writes eight share links from data attributes.
// The card fetches the content, validates it, renders a preview, an editable
// text with a per-network character count and the disclosure, and creates a
// tracked link when the employee shares. The ratio is the price of that.
//
// Two variants of ours, each on its own page beside shareon: advocacy.bundle.js
// (every widget in one file) and adv-provider.js +
// adv-share-card.js (the per-widget files a page with only a card can use).
// The harness's own cost (an empty phase) is subtracted from both.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { CPU_SLOWDOWN, RUNS, launchBrowser, median, ms, startDemoStack, throttledPage, type DemoStack } from './helpers/browser-bench.js';
import { ensureCdnBuilt } from './helpers/cdn-build.js';

const PAGE_HTML = readFileSync(new URL('./pages/share-buttons.html', import.meta.url), 'utf8');
/** node_modules/shareon/dist, as installed. */
const SHAREON_DIR = dirname(createRequire(import.meta.url).resolve('shareon'));

interface Variant {
  name: string;
  scripts: string[];
}

interface Phase {
  script: number;
  task: number;
}

interface RunResult {
  harness: Phase;
  shareon: Phase;
  ours: Phase;
}

/** ScriptDuration and TaskDuration (every main-thread task: script, style, layout) so far, in ms. */
async function metrics(cdp: CDPSession): Promise<Phase> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  const value = (name: string): number => (all.find((metric) => metric.name === name)?.value ?? NaN) * 1000;
  return { script: value('ScriptDuration'), task: value('TaskDuration') };
}

/** Runs one phase of the page and returns the main-thread time it cost, trailing work included. */
async function phase(cdp: CDPSession, run: () => Promise<unknown>, settle: () => Promise<void>): Promise<Phase> {
  await settle();
  const before = await metrics(cdp);
  await run();
  await settle();
  const after = await metrics(cdp);
  return { script: after.script - before.script, task: after.task - before.task };
}

interface Content {
  id: string;
  title: string;
  url: string;
  summary: string | null;
}

async function runOnce(browser: Browser, demo: DemoStack, content: Content, variant: Variant, shareonFirst: boolean): Promise<RunResult> {
  const site = demo.origin.replace('//127.0.0.1:', '//localhost:');
  const { context, page, cdp } = await throttledPage(browser, {
    [`${site}/bench/shareon/shareon.iife.js`]: { path: join(SHAREON_DIR, 'shareon.iife.js'), type: 'text/javascript; charset=utf-8' },
    [`${site}/bench/shareon/shareon.min.css`]: { path: join(SHAREON_DIR, 'shareon.min.css'), type: 'text/css; charset=utf-8' },
  });
  try {
    // See widget-render.bench.ts: a document of the host origin, the API on 127.0.0.1.
    await page.goto(`${site}/cdn/sri.json`);
    const setup = {
      apiUrl: demo.origin,
      token: demo.token,
      scripts: variant.scripts.map((file) => `${site}/cdn/${file}`),
      content: { id: content.id, url: content.url, title: content.title, text: content.summary ?? '' },
    };
    await page.evaluate((value) => Object.assign(window, { benchSetup: value }), setup);
    await page.setContent(PAGE_HTML);
    await cdp.send('Performance.enable');
    const settle = () => page.waitForTimeout(300);
    type Bench = Record<'benchNothing' | 'benchShareon' | 'benchOurs', () => Promise<void>>;
    const call = (name: keyof Bench) => () => page.evaluate((fn) => (window as unknown as Bench)[fn](), name);
    const harness = await phase(cdp, call('benchNothing'), settle);
    let shareon: Phase;
    let ours: Phase;
    if (shareonFirst) {
      shareon = await phase(cdp, call('benchShareon'), settle);
      ours = await phase(cdp, call('benchOurs'), settle);
    } else {
      ours = await phase(cdp, call('benchOurs'), settle);
      shareon = await phase(cdp, call('benchShareon'), settle);
    }
    const links = await page.locator('.shareon a[href^="https:"]').count();
    if (links < 6) throw new Error(`shareon wrote ${links} links`);
    const minus = (a: Phase): Phase => ({ script: a.script - harness.script, task: a.task - harness.task });
    return { harness, shareon: minus(shareon), ours: minus(ours) };
  } finally {
    await context.close();
  }
}

ensureCdnBuilt();
const variants: Variant[] = [
  { name: 'advocacy.bundle.js (every widget)', scripts: ['advocacy.bundle.js'] },
  { name: 'adv-provider.js + adv-share-card.js', scripts: ['adv-provider.js', 'adv-share-card.js'] },
];
const [demo, browser] = await Promise.all([startDemoStack(), launchBrowser()]);
try {
  const response = await fetch(`${demo.origin}/v1/content/${demo.contentId}`, { headers: { authorization: `Bearer ${demo.token}` } });
  if (!response.ok) throw new Error(`GET /v1/content/${demo.contentId}: ${response.status}`);
  const content = (await response.json()) as Content;

  const results = new Map<Variant, RunResult[]>(variants.map((variant) => [variant, []]));
  for (const variant of variants) await runOnce(browser, demo, content, variant, true); // warm-up
  for (let round = 0; round < RUNS; round += 1) {
    // Which one goes first alternates, so neither always pays for a cold page.
    for (const variant of variants) results.get(variant)?.push(await runOnce(browser, demo, content, variant, round % 2 === 0));
    process.stdout.write(`round ${round + 1}/${RUNS}\r`);
  }

  const rows: Record<string, Record<string, string>> = {};
  for (const variant of variants) {
    const runs = results.get(variant) ?? [];
    const shareonScript = median(runs.map((run) => run.shareon.script));
    const oursScript = median(runs.map((run) => run.ours.script));
    const shareonTask = median(runs.map((run) => run.shareon.task));
    const oursTask = median(runs.map((run) => run.ours.task));
    rows[variant.name] = {
      'harness script (subtracted)': ms(median(runs.map((run) => run.harness.script))),
      'shareon script': ms(shareonScript),
      'ours script': ms(oursScript),
      'script ours / shareon': (oursScript / shareonScript).toFixed(0),
      'shareon main thread': ms(shareonTask),
      'ours main thread': ms(oursTask),
      'main thread ours / shareon': (oursTask / shareonTask).toFixed(1),
    };
  }
  console.log(`\nChromium at ${CPU_SLOWDOWN}× CPU slowdown, ${RUNS} runs per variant (after one warm-up), each a first visit; medians.`);
  console.log('script = CDP ScriptDuration; main thread = TaskDuration (script, style, layout); harness cost subtracted.');
  console.table(rows);
} finally {
  await browser.close();
  await demo.stack.stop();
}
