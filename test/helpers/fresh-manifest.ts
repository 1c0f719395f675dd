// custom-elements.json made from the current widget sources, as `npm run
// analyze --workspace @advocacy/widgets` makes it, but on a copy: the
// analyzer rewrites the package.json it runs beside, which other tests read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ANALYZER = join(process.cwd(), 'node_modules/@custom-elements-manifest/analyzer/cem.js');

export interface FreshManifest {
  path: string;
  /** The manifest, parsed. */
  json: unknown;
  remove: () => Promise<void>;
}

export async function analyzeWidgetSources(): Promise<FreshManifest> {
  const workdir = await mkdtemp(join(tmpdir(), 'adv-manifest-'));
  await cp('packages/widgets/src', join(workdir, 'src'), { recursive: true });
  await cp('packages/widgets/package.json', join(workdir, 'package.json'));
  const result = spawnSync(
    process.execPath,
    [ANALYZER, 'analyze', '--litelement', '--quiet', '--globs', 'src/**/*.ts', '--exclude', 'src/define/**', '--exclude', 'src/cdn*.ts'],
    { cwd: workdir, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  const path = join(workdir, 'custom-elements.json');
  return { path, json: JSON.parse(await readFile(path, 'utf8')), remove: () => rm(workdir, { recursive: true, force: true }) };
}
