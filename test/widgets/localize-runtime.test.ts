// The localisation runtime (issue 17): one `lang` observer for the page, catalogs loaded on demand
// (an English page fetches no French), every CLDR plural category, `dir` per language, languages an
// app registers, and the UI language apart from the data's `content-locale`.
// Nothing here imports the French catalog: the first tests check that an English page never fetches it.
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '@advocacy/widgets/define/adv-testimonials.js';
import { LocalizeController, registerTranslation, type AdvTestimonials, type Translation } from '@advocacy/widgets';
import { en } from '../../packages/widgets/src/translations/en.js';
import { langObserverCount } from '../../packages/widgets/src/base/lang-observer.js';
import { pluralText } from '../../packages/widgets/src/base/localize.js';
import { TranslationSet } from '../../packages/widgets/src/base/translations.js';
import { FakeApi } from '../helpers/fake-api.js';
import { publicTestimonial } from '../helpers/fixtures/testimonials.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

class RuntimeProbe extends LitElement {
  @property() locale: string | undefined;
  @property({ type: Number }) count = 1;
  readonly l = new LocalizeController(this);
  renders = 0;
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.l.ready;
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  override render() {
    return html`<p part="base" dir=${this.l.dir} lang=${this.l.locale}>${this.l.t('retry')} · ${this.l.plural(this.count, 'impactReaderCount')}</p>`;
  }
  protected override updated(): void {
    this.renders += 1;
  }
}
customElements.define('test-runtime-probe', RuntimeProbe);

// Every module the page fetches from here on (the resource timing buffer, 250 entries, is long full of the test's own modules).
const fetched: string[] = [];
new PerformanceObserver((list) => fetched.push(...list.getEntries().map((entry) => entry.name))).observe({ type: 'resource' });
const frenchRequested = () => fetched.some((url) => /\/translations\/(fr|admin-fr)(\.|\/)/.test(url));
const tick = () => new Promise((resolve) => setTimeout(resolve));
const text = (probe: RuntimeProbe) => probe.shadowRoot!.textContent!.trim();

/** German built from the English catalog: every key, type-checked. */
const de: Translation = {
  ...en,
  $name: 'Deutsch',
  retry: 'Erneut versuchen',
  loading: 'Wird geladen…',
  impactReaderCount: { one: '{count} Leser', other: '{count} Leser' },
};

describe('localisation runtime', () => {
  afterEach(unmountAll);

  it('an English page never requests the French catalog', async () => {
    const api = new FakeApi({ 'GET /v1/testimonials': { body: { items: [publicTestimonial(0)], nextCursor: null } } });
    const mounted = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials></adv-testimonials>`, { lang: 'en' });
    await mounted.next('adv-load');
    await fixture(html`<div lang="en-GB"><test-runtime-probe></test-runtime-probe><test-runtime-probe count="2"></test-runtime-probe></div>`);
    await tick();
    expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('en');
    expect(frenchRequested()).to.equal(false);
  });

  it('a French widget loads the French catalog and renders French on its first render, never English first', async () => {
    expect(frenchRequested()).to.equal(false);
    const api = new FakeApi({ 'GET /v1/testimonials': { body: { items: [], nextCursor: null } } });
    const provider = document.createElement('adv-provider') as HTMLElement & { client: unknown };
    provider.client = api.client();
    document.body.append(provider);
    const widget = document.createElement('adv-testimonials') as AdvTestimonials;
    widget.setAttribute('locale', 'fr');
    const renders: string[] = [];
    widget.addController({ hostUpdated: () => renders.push(widget.shadowRoot!.textContent!) });
    provider.append(widget);
    try {
      await waitUntil(() => renders.length > 0, 'the widget never rendered');
      expect(renders[0]).to.contain('Chargement');
      expect(renders.join(' ')).not.to.contain('Loading');
      expect(frenchRequested()).to.equal(true);
    } finally {
      provider.remove();
    }
  });

  it('one lang observer for every widget on the page, gone when none is left', async () => {
    const observe = MutationObserver.prototype.observe;
    let langObservers = 0;
    MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      if (options?.attributeFilter?.includes('lang')) langObservers += 1;
      observe.call(this, target, options);
    };
    try {
      expect(langObserverCount()).to.equal(0);
      const page = await fixture<HTMLDivElement>(html`<div>${[1, 2, 3, 4, 5, 6].map(() => html`<test-runtime-probe></test-runtime-probe>`)}</div>`);
      expect(langObservers).to.equal(1);
      expect(langObserverCount()).to.equal(1);
      page.remove();
      expect(langObserverCount()).to.equal(0);
    } finally {
      MutationObserver.prototype.observe = observe;
    }
  });

  it('a lang change re-renders exactly the widgets under it: a section, then the whole page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <section id="a" lang="en"><test-runtime-probe></test-runtime-probe><test-runtime-probe></test-runtime-probe></section>
      <section id="b" lang="en"><test-runtime-probe></test-runtime-probe><test-runtime-probe></test-runtime-probe></section>
      <test-runtime-probe id="outside"></test-runtime-probe>
    </div>`);
    const probes = [...page.querySelectorAll<RuntimeProbe>('test-runtime-probe')];
    await Promise.all(probes.map((probe) => probe.updateComplete));
    const before = probes.map((probe) => probe.renders);
    const rendered = () => probes.map((probe, index) => probe.renders - before[index]!);

    page.querySelector('#a')!.setAttribute('lang', 'en-GB');
    await tick();
    await Promise.all(probes.map((probe) => probe.updateComplete));
    expect(rendered()).to.deep.equal([1, 1, 0, 0, 0]);
    expect(probes[0]!.shadowRoot!.querySelector('p')!.lang).to.equal('en-GB');

    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en-US');
    try {
      await tick();
      await Promise.all(probes.map((probe) => probe.updateComplete));
      expect(rendered()).to.deep.equal([2, 2, 1, 1, 1]);
      expect(page.querySelector<RuntimeProbe>('#outside')!.l.locale).to.equal('en-US');
    } finally {
      if (pageLang) root.setAttribute('lang', pageLang);
    }
  });

  it('an app registers German with a typed catalog: widgets already in German re-render, others do not', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <test-runtime-probe locale="de-CH"></test-runtime-probe><test-runtime-probe locale="en"></test-runtime-probe>
    </div>`);
    const [german, english] = [...page.querySelectorAll<RuntimeProbe>('test-runtime-probe')] as [RuntimeProbe, RuntimeProbe];
    await Promise.all([german.updateComplete, english.updateComplete]);
    expect(text(german)).to.equal('Try again · 1 reader'); // not registered yet: English
    const englishRenders = english.renders;

    registerTranslation('de', de);
    await german.updateComplete;
    expect(text(german)).to.equal('Erneut versuchen · 1 Leser');
    expect(english.renders).to.equal(englishRenders);

    // @ts-expect-error -- a catalog without one of the English keys does not type-check.
    const incomplete: Translation = { ...de, retry: undefined };
    // @ts-expect-error -- a plural message needs its `other` form.
    const noOther: Translation = { ...de, impactReaderCount: { one: '{count} Leser' } };
    expect(Boolean(incomplete) && Boolean(noOther)).to.equal(true);
  });

  it('plural messages take every CLDR category the language has (Polish: one, few, many; Arabic: all six)', async () => {
    registerTranslation('pl', {
      ...en,
      impactReaderCount: { one: '{count} czytelnik', few: '{count} czytelnicy', many: '{count} czytelników', other: '{count} czytelnika' },
    });
    const polish = await fixture<RuntimeProbe>(html`<test-runtime-probe locale="pl"></test-runtime-probe>`);
    const forms = (probe: RuntimeProbe, counts: number[]) => counts.map((count) => probe.l.plural(count, 'impactReaderCount'));
    expect(forms(polish, [1, 2, 5, 22])).to.deep.equal(['1 czytelnik', '2 czytelnicy', '5 czytelników', '22 czytelnicy']);
    expect(polish.l.plural(1.5, 'impactReaderCount')).to.equal(`${new Intl.NumberFormat('pl').format(1.5)} czytelnika`);

    registerTranslation('ar', {
      ...en,
      $dir: 'rtl',
      impactReaderCount: { zero: 'لا قراء', one: 'قارئ واحد', two: 'قارئان', few: '{count} قراء', many: '{count} قارئًا', other: '{count} قارئ' },
    });
    const arabic = await fixture<RuntimeProbe>(html`<test-runtime-probe locale="ar"></test-runtime-probe>`);
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(forms(arabic, [0, 1, 2, 5, 22, 100])).to.deep.equal(['لا قراء', 'قارئ واحد', 'قارئان', `${n(5)} قراء`, `${n(22)} قارئًا`, `${n(100)} قارئ`]);
    expect(new Set(forms(arabic, [1, 2, 5, 22])).size).to.equal(4);
    // A category the message does not give falls back to `other`.
    expect(pluralText('ar', { one: 'one', other: 'other' }, 5)).to.equal('other');
  });

  it('renders dir="rtl" on the widget base for a right-to-left language, and honours a declared $dir', async () => {
    registerTranslation('ar', { ...en, $dir: 'rtl', loading: 'جارٍ التحميل…' });
    const api = new FakeApi({ 'GET /v1/testimonials': { body: { items: [publicTestimonial(0)], nextCursor: null } } });
    const mounted = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials></adv-testimonials>`, { lang: 'ar' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const base = mounted.shadow.querySelector('[part~="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');

    // `qaa` (a private-use tag): the engine knows no direction for it, the registered catalog does.
    const unknown = await fixture<RuntimeProbe>(html`<test-runtime-probe locale="qaa"></test-runtime-probe>`);
    expect(unknown.l.dir).to.equal('ltr');
    registerTranslation('qaa', { ...en, $dir: 'rtl' });
    await unknown.updateComplete;
    expect(unknown.shadowRoot!.querySelector('p')!.dir).to.equal('rtl');
  });

  it('a catalog that fails or takes too long: English after a bounded wait, one warning, the language when it arrives', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const failing = new TranslationSet({ hello: 'Hello' }, { xx: () => Promise.reject(new Error('offline')) }, 20);
      await failing.pending('xx');
      await failing.pending('xx-YY');
      expect(failing.catalog('xx').hello).to.equal('Hello');
      expect(failing.pending('xx')).to.equal(undefined);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"xx"');

      let arrive: (catalog: { hello: string }) => void = () => undefined;
      const slow = new TranslationSet({ hello: 'Hello' }, { yy: () => new Promise((resolve) => (arrive = resolve)) }, 20);
      const started = performance.now();
      await slow.pending('yy');
      expect(performance.now() - started).to.be.below(1000);
      expect(slow.catalog('yy').hello).to.equal('Hello');
      arrive({ hello: 'Yello' });
      await tick();
      expect(slow.catalog('yy-ZZ').hello).to.equal('Yello');
      expect(slow.pending('yy')).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
  });

  it('the UI language and the data filter (content-locale) change apart', async () => {
    const items = [publicTestimonial(0), publicTestimonial(1, { locale: 'fr-FR', quote: 'Une équipe formidable.' })];
    const api = new FakeApi({
      'GET /v1/testimonials': (request) => {
        const wanted = request.query.get('locale')?.toLowerCase();
        return { body: { items: items.filter((item) => !wanted || item.locale.toLowerCase().startsWith(wanted)), nextCursor: null } };
      },
    });
    const mounted = await mountWidget<AdvTestimonials>(api.client(), html`<adv-testimonials content-locale="fr"></adv-testimonials>`, { lang: 'en' });
    await mounted.next('adv-load');
    // The filtered requests (the look-up of other languages reads the list without a filter).
    const locales = () => api.requestsTo('GET /v1/testimonials').map((request) => request.query.get('locale')).filter((locale) => locale !== null);
    const uiLang = () => mounted.shadow.querySelector('[part~="base"]')!.getAttribute('lang');
    expect(locales()).to.deep.equal(['fr']);

    // The page switches to German: the widget speaks German, the testimonials stay French, nothing is asked again.
    mounted.widget.parentElement!.closest('div')!.setAttribute('lang', 'de');
    await tick();
    await settled(mounted.widget);
    expect(uiLang()).to.equal('de');
    expect(mounted.shadow.textContent).to.contain('Une équipe formidable.');
    expect(locales()).to.deep.equal(['fr']);

    // The filter changes: the UI language does not.
    mounted.widget.setAttribute('content-locale', 'en');
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(locales()).to.deep.equal(['fr', 'en']);
    expect(uiLang()).to.equal('de');
  });
});
