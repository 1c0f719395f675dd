// Builds the packages (npm run build) when an output is missing or older than
// a source, then brings the compressed copies of the CDN files and themes up to
// date (a theme edited since, a build from before them). npm start runs it
// first; so do tests that run the built commands.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVED_FOLDERS, precompress } from './precompress.mjs';

const sources = ['packages/sdk/src', 'packages/widgets/src', 'packages/server/src', 'packages/demo/src', 'rollup.config.mjs', 'package.json'];
const outputs = [
  'packages/sdk/dist/index.js',
  'packages/widgets/dist/index.js',
  'packages/widgets/dist/cdn/advocacy.js',
  'packages/widgets/dist/cdn/advocacy.bundle.js',
  'packages/widgets/custom-elements.json',
  'packages/server/dist/main.js',
  'packages/server/dist/cli/advocacy-admin.js',
  'packages/demo/dist/main.js',
];

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path, { recursive: true })
    .map((entry) => statSync(join(path, String(entry))).mtimeMs)
    .reduce((a, b) => Math.max(a, b), stats.mtimeMs);
}

function buildIsStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return sources.some((path) => newestMtime(path) > builtAt);
}

/** Returns the build's exit status (0 when nothing had to be built). */
export function ensureBuilt() {
  if (buildIsStale()) {
    console.log('Building the packages (npm run build)…');
    const status = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status ?? 1;
    if (status !== 0) return status;
  }
  for (const folder of SERVED_FOLDERS) precompress(folder);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(ensureBuilt());
