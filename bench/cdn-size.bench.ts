// Sizes of the CDN files against the floor: Lit + @lit/context + nanostores, each
// really used by a tiny element, built in the same run with the same Rollup
// and terser settings as advocacy.bundle.js (rollup.config.mjs's cdnBundle).
// Goal (issue 6): advocacy.bundle.js ≤ 25 KB brotli.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CDN_DIR, FLOOR_ENTRY, buildLikeCdn, ensureCdnBuilt, sizesOf, sizesOfFile, splitBySourceMap, type Sizes } from './helpers/cdn-build.js';

const GOAL_BROTLI = 25 * 1024;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

ensureCdnBuilt();
const floor = sizesOfFile(await buildLikeCdn(FLOOR_ENTRY, 'floor.js'));

const files = readdirSync(CDN_DIR)
  .filter((file) => file.endsWith('.js'))
  .sort((a, b) => (a === 'advocacy.bundle.js' ? -1 : b === 'advocacy.bundle.js' ? 1 : a.localeCompare(b)));

const row = (sizes: Sizes) => ({
  minified: kb(sizes.minified),
  gzip: kb(sizes.gzip),
  brotli: kb(sizes.brotli),
  'brotli bytes': sizes.brotli,
  '/ floor': (sizes.brotli / floor.brotli).toFixed(2),
});

const rows: Record<string, ReturnType<typeof row>> = { 'floor (Lit + @lit/context + nanostores)': row(floor) };
const sizes: Record<string, Sizes> = {};
for (const file of files) {
  sizes[file] = sizesOfFile(join(CDN_DIR, file));
  rows[file] = row(sizes[file]);
}
console.table(rows);

const bundle = sizes['advocacy.bundle.js'];
if (!bundle) throw new Error(`No ${CDN_DIR}/advocacy.bundle.js`);
console.log(`advocacy.bundle.js / floor (brotli): ${(bundle.brotli / floor.brotli).toFixed(2)}`);
console.log(`advocacy.bundle.js above the floor:  ${kb(bundle.brotli - floor.brotli)} brotli`);
console.log(
  `goal advocacy.bundle.js ≤ ${kb(GOAL_BROTLI)} brotli: ${bundle.brotli <= GOAL_BROTLI ? 'met' : `not met (over by ${kb(bundle.brotli - GOAL_BROTLI)})`}`,
);

/** The part of the kit or the dependency a source file of the bundle belongs to. */
function part(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '');
  if (/node_modules\/zod\//.test(path)) return 'zod/mini';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)) return 'Lit';
  if (/node_modules\/@lit\/context\//.test(path)) return '@lit/context';
  if (/node_modules\/(@nanostores\/[^/]+|nanostores)\//.test(path)) return 'nanostores';
  if (path.includes('node_modules/')) return `other dependencies`;
  if (path.startsWith('sdk/dist/contract/')) return 'SDK contract (schemas, routes)';
  if (path.startsWith('sdk/dist/compiled-contract/')) return 'SDK compiled contract (checks, routes)';
  if (path.startsWith('sdk/')) return 'SDK client, transport, stores, share rules';
  if (path.startsWith('translations/')) return 'widget strings (en, fr)';
  if (/^(base|context|events|version|configure|cdn|index|define)\b/.test(path)) return 'widget base, context, events, define';
  return `widget ${path.split('/')[0] ?? path}`;
}

// Where advocacy.bundle.js's bytes come from, by its source map. Each part's brotli
// size alone is scaled so the parts add up to the file's real brotli size
// (compressed together they share a dictionary), so these are estimates.
const parts = [...splitBySourceMap(join(CDN_DIR, 'advocacy.bundle.js'), part)].map(([name, text]) => ({ name, minified: Buffer.byteLength(text), alone: sizesOf(text).brotli }));
const aloneTotal = parts.reduce((sum, entry) => sum + entry.alone, 0);
const breakdown: Record<string, Record<string, string>> = {};
for (const entry of parts.sort((a, b) => b.alone - a.alone)) {
  const estimate = (entry.alone / aloneTotal) * bundle.brotli;
  breakdown[entry.name] = { minified: kb(entry.minified), 'brotli (est.)': kb(estimate), share: `${Math.round((estimate / bundle.brotli) * 100)}%` };
}
console.log('\nadvocacy.bundle.js by source (source map; brotli per part estimated):');
console.table(breakdown);
