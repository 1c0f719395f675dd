import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
}

describe('custom-elements.json', () => {
  it('documents every tag that a define file registers, with a summary', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'adv-cem-'));
    // The analyzer rewrites package.json's "customElements" to point at --outdir; put the file back afterwards.
    const packageJson = await readFile('packages/widgets/package.json', 'utf8');
    try {
      const result = spawnSync(
        process.execPath,
        [
          join(process.cwd(), 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
          'analyze', '--litelement', '--quiet', '--globs', 'src/**/*.ts',
          // The analyzer joins --outdir to its working directory, so it gets a relative path.
          '--exclude', 'src/define/**', '--exclude', 'src/cdn.ts', '--outdir', relative(resolve('packages/widgets'), outdir),
        ],
        { cwd: 'packages/widgets', encoding: 'utf8' },
      );
      assert.equal(result.status, 0, result.stderr);
      const manifest = JSON.parse(await readFile(join(outdir, 'custom-elements.json'), 'utf8')) as {
        modules: { declarations?: Declaration[] }[];
      };
      const documented = new Map(
        manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
      );
      const defined = (await readdir('packages/widgets/src/define')).map((file) => file.replace(/\.ts$/, ''));
      assert.ok(defined.length > 0);
      for (const tag of defined) {
        assert.ok(documented.has(tag), `<${tag}> has a class with "@tagname ${tag}" in its JSDoc`);
        assert.ok(documented.get(tag)?.summary, `<${tag}> has a @summary`);
      }
    } finally {
      await writeFile('packages/widgets/package.json', packageJson);
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
