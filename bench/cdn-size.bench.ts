// Sizes of the CDN files against the floor: Lit + nanostores + zod/mini, each
// really used by a tiny element, built in the same run with the same Rollup
// and terser settings as advocacy.js (rollup.config.mjs's cdnBundle).
// Goal (issue 6): advocacy.js ≤ 25 KB brotli.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CDN_DIR, FLOOR_ENTRY, buildLikeCdn, ensureCdnBuilt, sizesOfFile, type Sizes } from './helpers/cdn-build.js';

const GOAL_BROTLI = 25 * 1024;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

ensureCdnBuilt();
const floor = sizesOfFile(await buildLikeCdn(FLOOR_ENTRY, 'floor.js'));

const files = readdirSync(CDN_DIR)
  .filter((file) => file.endsWith('.js'))
  .sort((a, b) => (a === 'advocacy.js' ? -1 : b === 'advocacy.js' ? 1 : a.localeCompare(b)));

const row = (sizes: Sizes) => ({
  minified: kb(sizes.minified),
  gzip: kb(sizes.gzip),
  brotli: kb(sizes.brotli),
  'brotli bytes': sizes.brotli,
  '/ floor': (sizes.brotli / floor.brotli).toFixed(2),
});

const rows: Record<string, ReturnType<typeof row>> = { 'floor (Lit + nanostores + zod/mini)': row(floor) };
const sizes: Record<string, Sizes> = {};
for (const file of files) {
  sizes[file] = sizesOfFile(join(CDN_DIR, file));
  rows[file] = row(sizes[file]);
}
console.table(rows);

const bundle = sizes['advocacy.js'];
if (!bundle) throw new Error(`No ${CDN_DIR}/advocacy.js`);
console.log(`advocacy.js / floor (brotli): ${(bundle.brotli / floor.brotli).toFixed(2)}`);
console.log(`advocacy.js above the floor:  ${kb(bundle.brotli - floor.brotli)} brotli`);
console.log(
  `goal advocacy.js ≤ ${kb(GOAL_BROTLI)} brotli: ${bundle.brotli <= GOAL_BROTLI ? 'met' : `not met (over by ${kb(bundle.brotli - GOAL_BROTLI)})`}`,
);
