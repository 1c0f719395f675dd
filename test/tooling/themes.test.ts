// The themes keep their promises: the README lists every token, every theme
// defines the same colours, and text and controls meet WCAG contrast.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

const THEMES = ['light', 'dark', 'high-contrast'] as const;

async function tokensOf(file: string): Promise<Map<string, string>> {
  const css = await readFile(`packages/themes/${file}`, 'utf8');
  return new Map([...css.matchAll(/(--adv-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('@advocacy/themes', () => {
  it('documents every token the theme files define, and about 30 in all', async () => {
    const readme = await readFile('packages/themes/README.md', 'utf8');
    const documented = new Set(readme.match(/--adv-[\w-]+/g));
    const defined = new Set<string>();
    for (const file of ['tokens.css', ...THEMES.map((theme) => `${theme}.css`)]) for (const token of (await tokensOf(file)).keys()) defined.add(token);
    for (const token of defined) assert.ok(documented.has(token), `${token} is defined but not in the README`);
    const tokenRows = readme.match(/^\| `--adv-[\w-]+`/gm) ?? [];
    assert.ok(tokenRows.length >= 28 && tokenRows.length <= 40, `${tokenRows.length} tokens in the README tables`);
  });

  it('gives every theme the same colour tokens', async () => {
    const [light, ...others] = await Promise.all(THEMES.map((theme) => tokensOf(`${theme}.css`)));
    const colours = [...light!.keys()].filter((token) => token.startsWith('--adv-color-')).sort();
    for (const [index, other] of others.entries()) {
      const otherColours = [...other.keys()].filter((token) => token.startsWith('--adv-color-') && token !== '--adv-color-focus').sort();
      assert.deepEqual(otherColours, colours, `${THEMES[index + 1]} colours`);
    }
    assert.ok(colours.includes('--adv-color-brand'));
  });

  for (const theme of THEMES) {
    it(`${theme}: text ≥ 4.5:1 and controls ≥ 3:1 on both surfaces`, async () => {
      const tokens = await tokensOf(`${theme}.css`);
      const colour = (name: string) => tokens.get(`--adv-color-${name}`)!;
      for (const surface of ['surface', 'surface-raised']) {
        for (const text of ['text', 'text-muted', 'danger', 'success', 'warning', 'brand']) {
          const ratio = contrast(colour(text), colour(surface));
          assert.ok(ratio >= 4.5, `${text} on ${surface}: ${ratio.toFixed(2)}`);
        }
        assert.ok(contrast(colour('border'), colour(surface)) >= 3, `border on ${surface}`);
      }
      assert.ok(contrast(colour('on-brand'), colour('brand')) >= 4.5, 'on-brand on brand');
    });
  }
});
