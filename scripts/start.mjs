// npm start: build what is missing or out of date, then run the API (embedded
// PGlite in .data/ unless DATABASE_URL is set) with the start page, and the demo
// (@advocacy/demo) unless NODE_ENV=production.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sources = ['packages/sdk/src', 'packages/widgets/src', 'packages/server/src', 'packages/demo/src', 'rollup.config.mjs', 'package.json'];
const outputs = [
  'packages/sdk/dist/index.js',
  'packages/widgets/dist/index.js',
  'packages/widgets/dist/cdn/advocacy.js',
  'packages/widgets/custom-elements.json',
  'packages/server/dist/main.js',
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

if (buildIsStale()) {
  console.log('Building the packages (npm run build)…');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The demo (its organisation, token routes and pages) is a part of its own, plugged in unless NODE_ENV=production.
const entry = process.env.NODE_ENV === 'production' ? 'packages/server/dist/main.js' : 'packages/demo/dist/main.js';
const server = spawn(process.execPath, [entry], { stdio: 'inherit' });

// Ctrl-C reaches the server too (same process group); wait for it to close the database.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
