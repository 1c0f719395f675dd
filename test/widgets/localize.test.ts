import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { expect, fixture } from '@open-wc/testing';
import { LocalizeController, translate, type Catalog } from '@advocacy/widgets';
import { en } from '../../packages/widgets/src/translations/en.js';
import { fr } from '../../packages/widgets/src/translations/fr.js';
import type { AreaCatalog } from '../../packages/widgets/src/translations/catalog.js';

class LocalizedProbe extends LitElement {
  @property() locale: string | undefined;
  providerLocale: string | undefined;
  readonly localize = new LocalizeController(this, () => this.providerLocale);
  // As the widgets' base does: the first render waits for the language's catalog (French is loaded on demand).
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.localize.ready;
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  override render() {
    return html`<p>${this.localize.t('retry')}</p>`;
  }
}
customElements.define('test-localized-probe', LocalizedProbe);

describe('LocalizeController', () => {
  it('takes the widget locale first, then the nearest lang, then the provider, then English', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="fr-CA"><test-localized-probe></test-localized-probe></div>
    `);
    const probe = wrapper.querySelector<LocalizedProbe>('test-localized-probe')!;
    await probe.updateComplete; // its first render waited for the French catalog
    expect(probe.localize.locale).to.equal('fr-CA');
    expect(probe.shadowRoot!.textContent).to.contain('Réessayer');

    probe.locale = 'en-GB';
    await probe.updateComplete;
    expect(probe.localize.locale).to.equal('en-GB');
    expect(probe.shadowRoot!.textContent).to.contain('Try again');

    probe.locale = undefined;
    wrapper.removeAttribute('lang');
    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.removeAttribute('lang');
    probe.providerLocale = 'fr';
    expect(probe.localize.locale).to.equal('fr');
    probe.providerLocale = undefined;
    expect(probe.localize.locale).to.equal('en');
    if (pageLang) root.setAttribute('lang', pageLang);
  });

  it('re-renders when the page language changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><test-localized-probe></test-localized-probe></div>`);
    const probe = wrapper.querySelector<LocalizedProbe>('test-localized-probe')!;
    wrapper.setAttribute('lang', 'fr');
    await new Promise((resolve) => setTimeout(resolve));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Réessayer');
  });

  it('formats numbers and compact figures for the language', async () => {
    const probe = await fixture<LocalizedProbe>(html`<test-localized-probe locale="fr"></test-localized-probe>`);
    expect(probe.localize.compact(120_000)).to.match(/^120\s?k$/);
    probe.locale = 'en';
    expect(probe.localize.compact(120_000)).to.equal('120K');
    expect(probe.localize.number(1234.5)).to.equal('1,234.5');
  });

  it('knows right-to-left languages', async () => {
    const probe = await fixture<LocalizedProbe>(html`<test-localized-probe locale="ar"></test-localized-probe>`);
    expect(probe.localize.dir).to.equal('rtl');
    probe.locale = 'fr';
    expect(probe.localize.dir).to.equal('ltr');
  });

  it('falls back to English for an unknown language and ignores a malformed tag', () => {
    expect(translate('de', 'retry')).to.equal('Try again');
    const probe = document.createElement('test-localized-probe') as LocalizedProbe;
    probe.locale = 'not a tag!';
    expect(probe.localize.locale).to.equal('en');
  });

  it('has every English key in French, and a catalog missing one does not type-check', () => {
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [key, message] of Object.entries(fr)) {
      for (const text of typeof message === 'string' ? [message] : Object.values<string>(message)) expect(text.trim(), key).not.to.equal('');
    }
    // @ts-expect-error -- `retry` is missing: the type-check fails (npm run test:types).
    const incomplete: Catalog = { ...fr, retry: undefined };
    // @ts-expect-error -- an area translation without one of its keys fails too.
    const area: AreaCatalog<{ a: string; b: string }> = { a: 'A' };
    expect(Boolean(incomplete) && Boolean(area)).to.equal(true);
  });

  it('chooses the plural form for the locale', async () => {
    const probe = await fixture<LocalizedProbe>(html`<test-localized-probe locale="fr"></test-localized-probe>`);
    // French counts 0 and 1 as singular; English only 1.
    expect(new Intl.PluralRules(probe.localize.locale).select(0)).to.equal('one');
    expect(probe.localize.plural(0, { one: 'retry', other: 'loading' })).to.equal(fr.retry);
    expect(probe.localize.plural(2, { one: 'retry', other: 'loading' })).to.equal(fr.loading);
  });
});
