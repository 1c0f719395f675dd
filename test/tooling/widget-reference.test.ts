// docs/widgets.md is what scripts/widget-reference.mjs makes from the current
// widget sources, it covers every tag a define file registers, and the
// generator writes each section the way the reference promises.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeWidgetSources, type FreshManifest } from '../helpers/fresh-manifest.js';

const GENERATOR = join(process.cwd(), 'scripts/widget-reference.mjs');

/** Runs the generator on a manifest file and returns what it prints. */
function generate(manifestPath: string): string {
  const result = spawnSync(process.execPath, [GENERATOR, '--manifest', manifestPath, '--stdout'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('docs/widgets.md', () => {
  let manifest: FreshManifest;
  let fresh: string;

  before(async () => {
    manifest = await analyzeWidgetSources();
    fresh = generate(manifest.path);
  });

  after(async () => {
    await manifest.remove();
  });

  it('is up to date with the widget sources (else run `npm run analyze --workspace @advocacy/widgets && node scripts/widget-reference.mjs`)', async () => {
    const committed = await readFile('docs/widgets.md', 'utf8');
    assert.equal(committed, fresh);
  });

  it('has a section for every tag a define file registers, with its summary and events', async () => {
    const tags = (await readdir('packages/widgets/src/define')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, ''));
    assert.ok(tags.length >= 8, `expected the eight widgets, found ${tags.join(', ')}`);
    const sections = new Map(
      fresh
        .split(/^## /m)
        .slice(1)
        .map((section) => [/^`<([a-z-]+)>`/.exec(section)?.[1], section]),
    );
    for (const tag of tags) {
      const section = sections.get(tag);
      assert.ok(section, `no section for <${tag}>`);
      assert.match(section, /^\*\*.+\*\*$/m, `<${tag}> has a summary`);
      assert.match(section, /### Events/, `<${tag}> lists its events`);
      assert.match(fresh, new RegExp(`\\[\`<${tag}>\`\\]\\(#${tag}\\)`), `<${tag}> is in the table of contents`);
      if (tag !== 'adv-provider') {
        assert.match(section, /### CSS parts[\s\S]*\| `base` \|/, `<${tag}> documents its base part`);
        assert.match(section, /\| `adv-load` \| `AdvLoadEvent` \| `\{ empty: boolean \}` \| `onAdvLoad` \|/, `<${tag}> documents adv-load`);
      }
    }
    assert.equal(sections.size, tags.length, 'one section per tag, no more');
  });

  it('documents the provider\'s token function as a property, never an attribute', () => {
    const provider = fresh.split(/^## /m).find((section) => section.startsWith('`<adv-provider>`'))!;
    const [attributes, properties] = [provider.split('### Attributes')[1]!.split('###')[0]!, provider.split('### Properties')[1]!.split('###')[0]!];
    assert.match(attributes, /\| `api-url` \| `apiUrl` \| `string` \| `''` \|/);
    assert.doesNotMatch(attributes, /getToken/);
    assert.match(properties, /\| `getToken` \| `TokenProvider \\\| undefined` \|/);
  });
});

describe('scripts/widget-reference.mjs', () => {
  it('renders attributes, properties, methods, events, parts, custom properties and slots from a manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adv-widget-reference-unit-'));
    try {
      const manifest = {
        schemaVersion: '2.1.0',
        modules: [
          {
            kind: 'javascript-module',
            path: 'src/events.ts',
            declarations: [
              {
                kind: 'class',
                name: 'AdvPingEvent',
                members: [
                  { kind: 'field', name: 'type', static: true, readonly: true, type: { text: 'string' }, default: "'adv-ping-pong'" },
                  { kind: 'field', name: 'detail', readonly: true, type: { text: '{ readonly count: number | null }' } },
                ],
              },
            ],
          },
          {
            kind: 'javascript-module',
            path: 'src/x/adv-x.ts',
            declarations: [
              { kind: 'variable', name: 'DEFAULT_MODES', type: { text: 'string' }, default: "'a b'" },
              {
                kind: 'class',
                name: 'AdvX',
                tagName: 'adv-x',
                customElement: true,
                summary: 'An example.',
                description: 'Longer text.',
                attributes: [{ name: 'modes', fieldName: 'modes', description: 'Modes | separated.' }],
                members: [
                  { kind: 'field', name: 'modes', default: 'DEFAULT_MODES', attribute: 'modes', reflects: true },
                  { kind: 'field', name: 'data', type: { text: 'Data | undefined' }, description: 'Set it.' },
                  { kind: 'field', name: 'secret', privacy: 'private', type: { text: 'string' } },
                  { kind: 'field', name: '#hidden', privacy: 'private' },
                  { kind: 'method', name: 'refresh', return: { type: { text: 'Promise<void>' } }, description: 'Again.' },
                  { kind: 'method', name: 'renderRow', privacy: 'protected' },
                ],
                events: [{ name: 'adv-ping-pong', description: 'Pinged.' }],
                cssParts: [{ name: 'base', description: 'The box.' }],
                cssProperties: [{ name: '--adv-x-gap', description: 'Gap.' }],
                slots: [{ name: '', description: 'Content.' }, { name: 'empty', description: 'Nothing.' }],
              },
            ],
          },
        ],
      };
      await writeFile(join(dir, 'custom-elements.json'), JSON.stringify(manifest));
      const markdown = generate(join(dir, 'custom-elements.json'));
      assert.match(markdown, /^## `<adv-x>`$/m);
      assert.match(markdown, /^\*\*An example\.\*\*$/m);
      assert.match(markdown, /\| `modes` \| `modes` \| `string` \| `'a b'` \| Modes \\\| separated\. Reflected to the attribute\. \|/);
      assert.match(markdown, /\| `data` \| `Data \\\| undefined` \| — \| Set it\. \|/);
      assert.doesNotMatch(markdown, /secret|#hidden|renderRow/);
      assert.match(markdown, /\| `refresh\(\)` \| `Promise<void>` \| Again\. \|/);
      assert.match(markdown, /\| `adv-ping-pong` \| `AdvPingEvent` \| `\{ count: number \\\| null \}` \| `onAdvPingPong` \| Pinged\. \|/);
      assert.match(markdown, /\| `base` \| The box\. \|/);
      assert.match(markdown, /\| `--adv-x-gap` \| Gap\. \|/);
      assert.match(markdown, /\| \(default\) \| Content\. \|/);
      assert.match(markdown, /\| `empty` \| Nothing\. \|/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
