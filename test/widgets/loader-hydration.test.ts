// The CDN loader on a page whose widget a server rendered (a declarative shadow root is already
// there): the hydration chunk runs first, before the core and the widget's chunk, because Lit's
// hydration support must be in place before Lit defines an element.
import { expect, waitUntil } from '@open-wc/testing';

const chunkDir = '../../../../test/widgets/loader-chunks/';
const record = globalThis as typeof globalThis & { __ADV_CHUNKS__?: unknown; loadedChunks?: string[] };
record.__ADV_CHUNKS__ = {
  core: `${chunkDir}core.js`,
  hydrate: `${chunkDir}hydrate.js`,
  widgets: { 'adv-alpha': `${chunkDir}adv-alpha.js`, 'adv-beta': `${chunkDir}adv-beta.js` },
};
const rendered = document.createElement('div');
rendered.setHTMLUnsafe('<adv-beta><template shadowrootmode="open"><p>Rendered by the server</p></template></adv-beta>');
document.body.append(rendered);
await import('../../packages/widgets/src/loader/advocacy-loader.js');

describe('the CDN loader on a server-rendered page', () => {
  it('loads the hydration chunk before the core and the widget', async () => {
    expect(rendered.querySelector('adv-beta')!.shadowRoot, 'the test page has a declarative shadow root').to.not.equal(null);
    await waitUntil(() => customElements.get('adv-beta'));
    const order = record.loadedChunks ?? [];
    expect(order[0]).to.equal('hydrate');
    expect(order).to.include.members(['core', 'adv-beta']);
  });
});
