// Runs the `*.test.ts` files under `roots` (those whose path contains one of
// `only`, when given) on Node's test runner, TypeScript through tsx, packages
// resolved to their sources (the "source" export condition): no build needed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Exits the process with the test runner's status. */
export function runNodeTests({ roots, only = [], extraArgs = [], what = 'node test' }) {
  const files = roots
    .flatMap((root) => testFiles(root))
    .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
    .sort();
  if (files.length === 0) {
    console.error(`No ${what} files found.`);
    process.exit(1);
  }
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--test', ...extraArgs, '--test-reporter=spec', ...files],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test' } },
  );
  process.exit(result.status ?? 1);
}
