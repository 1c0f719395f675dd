// The React wrappers in packages/react/src are what scripts/react-wrappers.mjs
// makes from the current widget sources: one component per custom element,
// with an onAdv… prop for each event the element documents, and nothing else.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { analyzeWidgetSources, type FreshManifest } from '../helpers/fresh-manifest.js';
// @ts-expect-error: a plain .mjs script without declarations
import { elementsOf, reactProp, reactWrappers } from '../../scripts/react-wrappers.mjs';

interface Element {
  tag: string;
  events: string[];
}
const elementsOfManifest = elementsOf as (manifest: unknown) => Element[];
const wrappersOf = reactWrappers as (manifest: unknown, eventsSource: string) => Map<string, string>;
const propOf = reactProp as (event: string) => string;

describe('@advocacy/react wrappers', () => {
  let manifest: FreshManifest;
  let generated: Map<string, string>;

  before(async () => {
    manifest = await analyzeWidgetSources();
    generated = wrappersOf(manifest.json, await readFile('packages/widgets/src/events.ts', 'utf8'));
  });

  after(async () => {
    await manifest.remove();
  });

  it('are up to date with the widget sources (else run `npm run analyze --workspace @advocacy/widgets && node scripts/react-wrappers.mjs`)', async () => {
    const committed = (await readdir('packages/react/src')).filter((file) => file.endsWith('.ts') && file !== 'create-adv-component.ts').sort();
    assert.deepEqual(committed, [...generated.keys()].sort(), 'one module per element, plus index.ts');
    for (const [file, text] of generated) assert.equal(await readFile(`packages/react/src/${file}`, 'utf8'), text, file);
  });

  it('wrap every tag a define file registers', async () => {
    const tags = (await readdir('packages/widgets/src/define')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, '')).sort();
    assert.deepEqual(elementsOfManifest(manifest.json).map((element) => element.tag).sort(), tags);
  });

  it('give each component exactly the event props its element documents', async () => {
    for (const element of elementsOfManifest(manifest.json)) {
      const source = generated.get(`${element.tag}.ts`)!;
      const props = [...source.matchAll(/^ {4}(on\w+): '([a-z-]+)' as EventName<(\w+)>,$/gm)].map(([, prop = '', event = '', type = '']) => ({ prop, event, type }));
      assert.deepEqual(
        props.map(({ event }) => event),
        element.events,
        `<${element.tag}> documents ${element.events.join(', ')}`,
      );
      for (const { prop, event, type } of props) {
        assert.equal(prop, propOf(event));
        assert.equal(type, `${prop.slice(2)}Event`, `${event} is typed with its event class`);
      }
    }
  });

  it('refuse an @event whose class the widgets do not export', () => {
    const manifestWithUnknownEvent = {
      modules: [{ declarations: [{ customElement: true, tagName: 'adv-x', name: 'AdvX', events: [{ name: 'adv-made-up' }] }] }],
    };
    assert.throws(() => wrappersOf(manifestWithUnknownEvent, 'export class AdvLoadEvent extends Event {}'), /exports no AdvMadeUpEvent/);
  });
});
