// npm run size: minified, gzip and brotli bytes of each CDN file; fails when one is over its budget.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const cdnDir = 'packages/widgets/dist/cdn';
const budgets = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));

if (!existsSync(cdnDir)) {
  console.error(`No ${cdnDir}: run npm run build first.`);
  process.exit(1);
}

/** Budget for a file name: an exact entry, else the first `*` pattern that matches. */
function budgetFor(file) {
  if (typeof budgets[file] === 'number') return budgets[file];
  for (const [pattern, bytes] of Object.entries(budgets)) {
    if (!pattern.includes('*')) continue;
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (regex.test(file)) return bytes;
  }
  return undefined;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
// The single files, then the code-split build's chunks (chunks/<name>-<hash>.js, budgets by pattern).
const chunkDir = join(cdnDir, 'chunks');
const chunkFiles = existsSync(chunkDir) ? readdirSync(chunkDir).filter((file) => file.endsWith('.js')).map((file) => `chunks/${file}`) : [];
const files = [
  ...readdirSync(cdnDir)
    .filter((file) => file.endsWith('.js'))
    .sort((a, b) => (a === 'advocacy.js' ? -1 : b === 'advocacy.js' ? 1 : a.localeCompare(b))),
  ...chunkFiles.sort(),
];

const rows = [];
let failed = false;
for (const file of files) {
  const source = readFileSync(join(cdnDir, file));
  const gzip = gzipSync(source, { level: 9 }).length;
  const brotli = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  }).length;
  const budget = budgetFor(file);
  const over = budget !== undefined && brotli > budget;
  failed ||= over || budget === undefined;
  rows.push({
    file,
    minified: kb(source.length),
    gzip: kb(gzip),
    brotli: kb(brotli),
    budget: budget === undefined ? 'NONE' : kb(budget),
    status: budget === undefined ? 'no budget' : over ? `OVER by ${kb(brotli - budget)}` : `${Math.round((brotli / budget) * 100)}%`,
  });
}

console.table(rows);

// The build's SRI manifest must cover every CDN file with its current hash.
const sriPath = join(cdnDir, 'sri.json');
const sri = existsSync(sriPath) ? JSON.parse(readFileSync(sriPath, 'utf8')) : { files: {} };
for (const file of files) {
  const integrity = `sha384-${createHash('sha384').update(readFileSync(join(cdnDir, file))).digest('base64')}`;
  if (sri.files[file] !== integrity) {
    console.error(`${sriPath} has no current sha384 for ${file}: run npm run build.`);
    failed = true;
  }
}
if (failed) {
  console.error('Size budget failed: a CDN file is over its brotli budget, or has none in scripts/size-budget.json.');
  process.exit(1);
}
