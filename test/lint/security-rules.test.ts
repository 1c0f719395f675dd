import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** Lints `code` as if it were a widget source file, and returns the rule ids that fired. */
async function rulesFiredOn(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'packages/widgets/src/lint-probe.ts' });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('lint security rules', () => {
  const forbidden: [string, string][] = [
    ['importing unsafeHTML', "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const f = unsafeHTML;\n"],
    ['importing unsafeSVG', "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const f = unsafeSVG;\n"],
    ['importing unsafeStatic', "import { unsafeStatic } from 'lit/static-html.js';\nexport const f = unsafeStatic;\n"],
    ['assigning innerHTML', "export function f(el: HTMLElement, s: string): void {\n  el.innerHTML = s;\n}\n"],
    ['assigning outerHTML', "export function f(el: HTMLElement, s: string): void {\n  el.outerHTML = s;\n}\n"],
    ['insertAdjacentHTML', "export function f(el: HTMLElement, s: string): void {\n  el.insertAdjacentHTML('beforeend', s);\n}\n"],
  ];
  for (const [label, code] of forbidden) {
    it(`fails on ${label}`, async () => {
      const fired = await rulesFiredOn(code);
      assert.ok(
        fired.some((rule) => rule === 'no-restricted-imports' || rule === 'no-restricted-syntax'),
        `expected a security rule to fire, got: ${fired.join(', ') || 'nothing'}`,
      );
    });
  }

  it('passes a plain Lit component that renders text through bindings', async () => {
    const code = [
      "import { LitElement, html } from 'lit';",
      'export class AdvProbe extends LitElement {',
      "  name = '<b>not markup</b>';",
      '  override render() {',
      '    return html`<p>${this.name}</p>`;',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(await rulesFiredOn(code), []);
  });

  it('runs the Lit plugin on widget files', async () => {
    const code = "import { html } from 'lit';\nexport const t = html`<input .value=${'a'} .value=${'b'}>`;\n";
    assert.ok((await rulesFiredOn(code)).some((rule) => rule.startsWith('lit/')));
  });
});
