// The demo is a guest: @advocacy/server carries no demo code and no Lit
// server rendering, and serves no demo route unless the demo is plugged in.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildApp } from '../../packages/server/src/app.js';
import { openPglite } from '../../packages/server/src/db/pglite.js';
import { migrate } from '../../packages/server/src/db/migrate.js';

const SERVER = 'packages/server';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Every module specifier a file imports: `import … from`, `export … from`, a bare `import '…'` for its side effects, or `import('…')`. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
}

describe('@advocacy/server without the demo', () => {
  it('finds every kind of import in a source file', () => {
    const text = ["import { a } from 'static';", "import type {\n  B,\n} from 'multi-line';", "export { c } from 're-export';", "import 'side-effect';", "const d = await import('dynamic');"].join('\n');
    assert.deepEqual(importsOf(text), ['static', 'multi-line', 're-export', 'side-effect', 'dynamic']);
  });

  it('requires neither the demo, nor the widgets, nor Lit server rendering', () => {
    const manifest = JSON.parse(readFileSync(join(SERVER, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
    for (const name of ['@advocacy/demo', '@advocacy/widgets', '@lit-labs/ssr', 'lit']) assert.equal(manifest.dependencies[name], undefined, name);
    assert.equal(manifest.peerDependenciesMeta?.['@advocacy/widgets']?.optional, true, 'the widget bundle is served when installed beside it');
    const offending = sourceFiles(join(SERVER, 'src')).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => /^(@advocacy\/(demo|widgets)|@lit-labs\/ssr|lit)(\/|$)/.test(specifier) || specifier.includes('/demo/'))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    assert.deepEqual(offending, []);
  });

  it('answers no demo route, page or file when the demo is not plugged in, even in development', async () => {
    const db = await openPglite(undefined);
    try {
      await migrate(db);
      const app = await buildApp(db, { version: 'test', demoMode: true });
      try {
        for (const url of ['/v1/demo', '/demo/intranet', '/demo/careers', '/demo/intranet.js']) {
          assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
        }
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });
});
