import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The browserslist that eslint-plugin-compat itself loads, so the targets are the ones it lints against. */
const pluginRequire = createRequire(createRequire(import.meta.url).resolve('eslint-plugin-compat'));
const browserslist = pluginRequire('browserslist') as (queries?: string | readonly string[] | null, options?: { path?: string }) => string[];

/** compat/compat messages for `code` linted with the project's config as the file `filePath`. */
async function compatMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], 'the probe parses');
  return messages.filter((message) => message.ruleId === 'compat/compat').map((message) => message.message);
}

// scheduler.yield(): Chromium 129, Firefox 142, no Safari (MDN browser-compat-data).
const unguarded = 'export async function pause(): Promise<void> {\n  await scheduler.yield();\n}\n';
const guarded = [
  'export async function pause(): Promise<void> {',
  "  if ('scheduler' in globalThis) {",
  '    await scheduler.yield();',
  '  } else {',
  '    await new Promise((resolve) => setTimeout(resolve));',
  '  }',
  '}',
  '',
].join('\n');

describe('browser compatibility lint', () => {
  it('fails on an API Safari and iOS Safari lack, in widget, SDK and demo page code', async () => {
    for (const filePath of ['packages/widgets/src/compat-probe.ts', 'packages/sdk/src/compat-probe.ts', 'packages/demo/public/compat-probe.js']) {
      const code = filePath.endsWith('.js') ? unguarded.replace(': Promise<void>', '') : unguarded;
      const [message, ...rest] = await compatMessages(code, filePath);
      assert.equal(rest.length, 0, filePath);
      assert.match(message ?? 'no compat error', /^scheduler is not supported in .*\bSafari \d+.*\biOS Safari \d+/, filePath);
    }
  });

  it('passes the same call behind a feature test with a fallback', async () => {
    assert.deepEqual(await compatMessages(guarded, 'packages/widgets/src/compat-probe.ts'), []);
  });

  it('leaves code that only Node runs alone', async () => {
    assert.deepEqual(await compatMessages(unguarded, 'packages/server/src/compat-probe.ts'), []);
    assert.deepEqual(await compatMessages(unguarded, 'packages/widgets/src/ssr/render-testimonials.ts'), []);
  });

  it('targets Safari, iOS Safari, Firefox ESR and Chrome from package.json', () => {
    const root = new URL('../../', import.meta.url);
    const queries = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { browserslist?: string[] }).browserslist;
    assert.ok(Array.isArray(queries) && queries.length > 0, 'package.json has a browserslist array');
    const targets = browserslist(undefined, { path: root.pathname });
    const majors = (engine: string): Set<number> =>
      new Set(targets.filter((target) => target.startsWith(`${engine} `)).map((target) => Number.parseInt(target.split(' ')[1]!, 10)));
    assert.ok(majors('safari').size >= 2, `two Safari major versions, got ${targets.join(', ')}`);
    assert.ok(majors('ios_saf').size >= 2, `two iOS Safari major versions, got ${targets.join(', ')}`);
    assert.ok(majors('chrome').size >= 2, `two Chrome versions, got ${targets.join(', ')}`);
    for (const esr of browserslist('Firefox ESR')) assert.ok(targets.includes(esr), `${esr} (Firefox ESR) in ${targets.join(', ')}`);
  });
});
