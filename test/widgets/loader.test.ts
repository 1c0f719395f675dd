// The CDN loader (advocacy-loader.ts) with stand-in chunks (test/widgets/loader-chunks/): each tag's
// chunk is imported on first use only, tags added later and tags a widget renders in its shadow root
// are upgraded, a chunk that cannot load leaves its tag in the error state with an adv-error event,
// and the loader re-exports the core's API. Server-rendered content is in loader-hydration.test.ts.
import { expect, waitUntil } from '@open-wc/testing';

const chunkDir = '../../../../test/widgets/loader-chunks/';
const record = globalThis as typeof globalThis & { __ADV_CHUNKS__?: unknown; loadedChunks?: string[] };
record.__ADV_CHUNKS__ = {
  core: `${chunkDir}core.js`,
  hydrate: `${chunkDir}hydrate.js`,
  widgets: Object.fromEntries(['adv-alpha', 'adv-beta', 'adv-gamma', 'adv-nested'].map((tag) => [tag, `${chunkDir}${tag}.js`]).concat([['adv-broken', `${chunkDir}missing.js`]])),
};
const errors: Event[] = [];
document.addEventListener('adv-error', (event) => errors.push(event));
document.body.append(document.createElement('adv-alpha'));
const loader = await import('../../packages/widgets/src/loader/advocacy-loader.js');

const loaded = (): string[] => record.loadedChunks ?? [];
const requested = (): string[] => performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.includes('/loader-chunks/'));

describe('the CDN loader', () => {
  it('imports the chunk of each tag on the page, the core, and nothing else', async () => {
    await waitUntil(() => customElements.get('adv-alpha'), 'adv-alpha was not defined');
    expect(loaded()).to.include.members(['core', 'adv-alpha']);
    expect(loaded()).not.to.include.members(['adv-beta']);
    expect(loaded(), 'no hydration chunk without server-rendered content').not.to.include('hydrate');
    expect(requested().some((url) => url.endsWith('/adv-beta.js'))).to.equal(false);
    expect(document.querySelector('adv-alpha')!.shadowRoot!.textContent).to.equal('alpha');
  });

  it("re-exports the core's API once the core is in", () => {
    expect(loader.configure).to.be.a('function');
    expect((loader.configure as unknown as () => string)()).to.equal('configured');
    expect(loader.WIDGETS_VERSION).to.equal('test');
    expect(loader.registerTranslation).to.be.a('function');
  });

  it('upgrades a tag added later, and imports its chunk once however many there are', async () => {
    const later = document.createElement('div');
    const section = document.createElement('section');
    section.append(document.createElement('adv-beta'));
    later.append(document.createElement('adv-beta'), section);
    document.body.append(later);
    await waitUntil(() => customElements.get('adv-beta'), 'adv-beta added later was not defined');
    await waitUntil(() => [...later.querySelectorAll('adv-beta')].every((element) => element.shadowRoot?.textContent === 'beta'));
    expect(loaded().filter((chunk) => chunk === 'adv-beta')).to.have.length(1);
    later.remove();
  });

  it("upgrades a tag a widget renders inside its own shadow root (the document's observer cannot see it)", async () => {
    const nested = document.createElement('adv-nested');
    document.body.append(nested);
    await waitUntil(() => nested.shadowRoot?.querySelector('adv-gamma')?.shadowRoot, 'adv-gamma in the shadow root was not upgraded');
    expect(nested.shadowRoot!.querySelector('adv-gamma')!.shadowRoot!.textContent).to.equal('gamma');
    nested.remove();
  });

  it('shows the error state, says what to do and emits adv-error when a chunk cannot be loaded', async () => {
    const broken = document.createElement('adv-broken');
    document.body.append(broken);
    await waitUntil(() => broken.shadowRoot?.querySelector('[part~="error"]'), 'no error state');
    const base = broken.shadowRoot!.querySelector('[part~="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('false');
    const error = base.querySelector('[part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.match(/could not be loaded\. Reload the page/);
    expect(errors.some((event) => event.target === broken && (event as CustomEvent<{ error: Error }>).detail.error instanceof Error)).to.equal(true);
    await expect(broken).to.be.accessible();
    broken.remove();
  });

  it('says it in French on a French page', async () => {
    const section = document.createElement('section');
    section.lang = 'fr';
    const broken = document.createElement('adv-broken');
    section.append(broken);
    document.body.append(section);
    await waitUntil(() => broken.shadowRoot?.querySelector('[part~="error"]'));
    expect(broken.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.match(/n’a pas pu être chargée/);
    expect(broken.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('fr');
    section.remove();
  });
});
