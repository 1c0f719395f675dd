// scripts/precompress.mjs writes the .br and .gz siblings the server sends to
// clients that accept them: each decodes to its file, none is written when it
// would not be smaller (nor a .br not smaller than the .gz, so the three
// answers' sizes, and ETags, differ), a stale or orphaned one is removed, and
// running it again changes nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
// @ts-expect-error: a plain .mjs script without declarations
import { SERVED_FOLDERS, precompress as precompressUntyped } from '../../scripts/precompress.mjs';

interface Outcome {
  written: string[];
  removed: string[];
  unchanged: string[];
}
const precompress = precompressUntyped as (folder: string) => Outcome;

/** Minified-bundle-like text: repetitive enough to compress well. */
const bundle = (name: string): Buffer =>
  Buffer.from(`${Array.from({ length: 400 }, (_, i) => `export const ${name}${i % 37}=()=>customElements.get("adv-${name}")??${i};`).join('')}\n`);

describe('scripts/precompress.mjs', () => {
  let dir: string;
  const path = (file: string): string => join(dir, file);

  beforeEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'adv-precompress-'));
    await mkdir(path('chunks'));
    await writeFile(path('advocacy.js'), bundle('advocacy'));
    await writeFile(path('advocacy.js.map'), JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA;'.repeat(2000) }));
    await writeFile(path('chunks/core-05f9df3e.js'), bundle('core'));
    await writeFile(path('chunks/manifest.json'), JSON.stringify({ core: 'chunks/core-05f9df3e.js', widgets: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`adv-widget-${i}`, `chunks/adv-widget-${i}-0a1b2c3d.js`])) }));
    await writeFile(path('light.css'), `:root {\n${Array.from({ length: 30 }, (_, i) => `  --adv-token-${i}: #0b5cad;`).join('\n')}\n}\n`);
    await writeFile(path('random.js'), randomBytes(4096));
    await writeFile(path('tiny.json'), '{}');
    await writeFile(path('README.md'), 'Not served compressed. '.repeat(200));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes a .br and a .gz beside every .js, .css, .json and .map file, each decoding to it and smaller, the .br smaller than the .gz', async () => {
    const { written } = precompress(dir);
    for (const file of ['advocacy.js', 'advocacy.js.map', 'chunks/core-05f9df3e.js', 'chunks/manifest.json', 'light.css']) {
      const source = await readFile(path(file));
      const br = await readFile(path(`${file}.br`));
      const gz = await readFile(path(`${file}.gz`));
      assert.ok(brotliDecompressSync(br).equals(source), `${file}.br decodes to ${file}`);
      assert.ok(gunzipSync(gz).equals(source), `${file}.gz decodes to ${file}`);
      assert.ok(br.length < gz.length && gz.length < source.length, `${file}: ${br.length} < ${gz.length} < ${source.length}`);
      assert.ok(written.includes(`${file}.br`) && written.includes(`${file}.gz`), file);
    }
    assert.ok(!existsSync(path('README.md.br')) && !existsSync(path('README.md.gz')), 'only the file kinds pages load');
  });

  it('skips what compression would not shrink: random bytes, a two-byte file', async () => {
    precompress(dir);
    for (const file of ['random.js', 'tiny.json']) {
      assert.ok(!existsSync(path(`${file}.br`)), `${file}.br`);
      assert.ok(!existsSync(path(`${file}.gz`)), `${file}.gz`);
    }
  });

  it('changes nothing when run again', async () => {
    const first = precompress(dir);
    assert.ok(first.written.length >= 10);
    const before = await stat(path('advocacy.js.br'));
    const second = precompress(dir);
    assert.deepEqual(second.written, []);
    assert.deepEqual(second.removed, []);
    assert.deepEqual(second.unchanged.sort(), first.written.sort());
    assert.equal((await stat(path('advocacy.js.br'))).mtimeMs, before.mtimeMs, 'not rewritten');
  });

  it('rewrites a sibling that no longer decodes to its file, and removes one whose file is gone or no longer shrinks', async () => {
    precompress(dir);
    const rebuilt = bundle('rebuilt');
    await writeFile(path('advocacy.js'), rebuilt);
    await rm(path('chunks/core-05f9df3e.js'));
    await writeFile(path('light.css'), randomBytes(2048));
    await writeFile(path('random.js.gz'), gzipSync(randomBytes(10)));
    const { written, removed } = precompress(dir);
    assert.ok(brotliDecompressSync(await readFile(path('advocacy.js.br'))).equals(rebuilt));
    assert.ok(gunzipSync(await readFile(path('advocacy.js.gz'))).equals(rebuilt));
    assert.ok(written.includes('advocacy.js.br') && written.includes('advocacy.js.gz'));
    assert.deepEqual(
      removed.sort(),
      ['chunks/core-05f9df3e.js.br', 'chunks/core-05f9df3e.js.gz', 'light.css.br', 'light.css.gz', 'random.js.gz'].sort(),
    );
    for (const file of removed) assert.ok(!existsSync(path(file)), file);
  });

  it('leaves a missing folder alone, and names the folders the server sends to other origins', () => {
    assert.deepEqual(precompress(path('no-such-folder')), { written: [], removed: [], unchanged: [] });
    assert.deepEqual(SERVED_FOLDERS, ['packages/widgets/dist/cdn', 'packages/themes']);
  });
});
