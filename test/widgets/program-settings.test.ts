// <adv-program-settings>: its states in English and French (it has no empty state and no key attribute, so not the
// whole base suite), field errors from the API next to their fields, keys created and shown once, revoked after a
// confirmation (keyboard only), "test a token" against the settings as edited, who changed what, and the
// earned-media costs (set, turned off, refused next to their field).
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-program-settings.js';
import type { AdvErrorEvent } from '@advocacy/widgets';
import type { AdvProgramSettings } from '@advocacy/widgets/admin';
import { FakeApi, pending, problem, type FakeRoutes } from '../helpers/fake-api.js';
import { API_KEY, NEW_SECRET_KEY, PROGRAMME_SETTINGS, settingsRoutes } from '../helpers/fixtures/settings.js';
import { me } from '../helpers/fixtures/stats.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const SETTINGS = PROGRAMME_SETTINGS;
const KEY = API_KEY;
const NEW_KEY = NEW_SECRET_KEY;
const routes = settingsRoutes;

describe('<adv-program-settings>', () => {
  let copied: string[] = [];
  beforeEach(() => {
    copied = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
  });
  afterEach(() => {
    unmountAll();
    delete (navigator as unknown as Record<string, unknown>)['clipboard'];
  });

  async function mountSettings(extra: FakeRoutes = {}, lang = 'en') {
    const api = new FakeApi({ ...routes(), ...extra });
    const mounted = await mountWidget<AdvProgramSettings>(api.client(), html`<adv-program-settings></adv-program-settings>`, { lang });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const $ = <E extends Element = HTMLElement>(selector: string) => mounted.shadow.querySelector<E>(selector);
    const focused = () => mounted.shadow.activeElement as HTMLElement | null;
    return { api, mounted, $, focused };
  }

  for (const [lang, title] of [
    ['en', 'Programme settings'],
    ['fr', 'Réglages du programme'],
  ] as const) {
    it(`is accessible loading, then ready, with every section (${lang})`, async () => {
      const api = new FakeApi({ ...routes(), 'GET /v1/admin/keys': pending });
      const mounted = await mountWidget(api.client(), html`<adv-program-settings></adv-program-settings>`, { lang });
      await waitUntil(() => api.requestsTo('GET /v1/admin/keys').length > 0);
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(mounted.widget).to.be.accessible();
      api.set({ 'GET /v1/admin/keys': { body: { items: [KEY] } } });
      void (mounted.widget as AdvProgramSettings).refresh();
      await mounted.next('adv-load');
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[role="heading"]')!.textContent).to.equal(title);
      expect(mounted.shadow.querySelectorAll('[part~="section"]')).to.have.length(8);
      await expect(mounted.widget).to.be.accessible();
    });

    it(`shows an alert with retry on failure and emits adv-error (${lang})`, async () => {
      const api = new FakeApi({ ...routes(), 'GET /v1/admin/settings': problem(500, 'Internal Server Error') });
      const mounted = await mountWidget(api.client(), html`<adv-program-settings></adv-program-settings>`, { lang });
      const error = (await mounted.next('adv-error')) as AdvErrorEvent;
      expect(error.detail.error.name).to.equal('AdvHttpError');
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[role="alert"] [part~="retry"], [role="alert"] + [part~="retry"], [part~="retry"]')).not.to.equal(null);
      await expect(mounted.widget).to.be.accessible();
      api.set({ 'GET /v1/admin/settings': { body: SETTINGS } });
      mounted.shadow.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await mounted.next('adv-load');
    });

    it(`a non-admin gets the admin-role state and no admin call (${lang})`, async () => {
      const api = new FakeApi({ ...routes(), 'GET /v1/me': { body: me({ isAdmin: false }) } });
      const mounted = await mountWidget(api.client(), html`<adv-program-settings></adv-program-settings>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.requests.filter((request) => request.path.startsWith('/v1/admin/'))).to.deep.equal([]);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('waits for getToken without asking anything (signing in)', async () => {
    const api = new FakeApi(routes());
    const mounted = await mountWidget(api.client({ getToken: undefined }), html`<adv-program-settings></adv-program-settings>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settled(mounted.widget);
    expect(api.requests).to.deep.equal([]);
    expect(mounted.shadow.querySelector('[part~="signing-in"]')).not.to.equal(null);
  });

  it('saves the points and shows the API’s validation message next to the field', async () => {
    const { api, $, mounted } = await mountSettings({
      'PATCH /v1/admin/settings': { ...problem(400, 'Bad Request', 'The request body is not valid.'), body: { ...problem(400, 'Bad Request').body as object, errors: [{ field: 'body.pointsPerShare', message: 'at most 1000' }] } },
    });
    $<HTMLInputElement>('#pointsPerShare')!.value = '7';
    $<HTMLButtonElement>('[part~="section"] [part~="save"]')!.click();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(api.requestsTo('PATCH /v1/admin/settings')[0]!.body).to.deep.include({ pointsPerShare: 7 });
    const field = $<HTMLInputElement>('#pointsPerShare')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect($(`#${field.getAttribute('aria-describedby')}`)!.textContent).to.equal('at most 1000');
    await expect(mounted.widget).to.be.accessible();
  });

  it('shows the contract’s own check next to the field when nothing could be sent', async () => {
    const { api, $, mounted } = await mountSettings();
    $<HTMLInputElement>('#pointsPerShare')!.value = '5000';
    $<HTMLButtonElement>('[part~="section"] [part~="save"]')!.click();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(api.requestsTo('PATCH /v1/admin/settings')).to.deep.equal([]);
    expect($<HTMLInputElement>('#pointsPerShare')!.getAttribute('aria-invalid')).to.equal('true');
    expect($('#pointsPerShare-error')!.textContent!.length).to.be.greaterThan(0);
  });

  describe('earned media', () => {
    const OFF = { 'GET /v1/admin/settings': { body: { ...SETTINGS, earnedMedia: null } } } satisfies FakeRoutes;
    const earnedMediaSection = (shadow: ShadowRoot) => shadow.querySelector('[aria-labelledby="section-earnedMedia"]')!;

    for (const [lang, title, estimate, formula] of [
      ['en', 'Earned media', 'An estimate', 'credited readers × cost per click + estimated reach ÷ 1,000 × cost per thousand impressions'],
      ['fr', 'Valeur média gagnée', 'Une estimation', 'lecteurs crédités × coût par clic + portée estimée ÷ 1 000 × coût pour mille impressions'],
    ] as const) {
      it(`names its costs, says the formula and that it is an estimate, and is accessible (${lang})`, async () => {
        const { $, mounted } = await mountSettings({}, lang);
        const section = earnedMediaSection(mounted.shadow);
        expect(section.querySelector('[role="heading"]')!.textContent).to.equal(title);
        expect(section.querySelector('#earnedMedia-help')!.textContent).to.contain(estimate).and.to.contain(formula);
        expect($<HTMLInputElement>('[id="earnedMedia.currency"]')!.value).to.equal('EUR');
        expect($<HTMLInputElement>('[id="earnedMedia.cpc"]')!.value).to.equal('0.8');
        expect($<HTMLInputElement>('[id="earnedMedia.cpm"]')!.value).to.equal('5');
        for (const id of ['earnedMedia.currency', 'earnedMedia.cpc', 'earnedMedia.cpm']) {
          expect(section.querySelector(`label[for="${id}"]`)!.textContent!.trim().length, id).to.be.greaterThan(0);
        }
        expect(section.querySelector('[part~="earned-media-off"]')).not.to.equal(null);
        await expect(mounted.widget).to.be.accessible();
      });
    }

    it('sends only the earned-media costs when they are set', async () => {
      const { api, $, mounted } = await mountSettings(OFF);
      expect($('[part~="earned-media-off"]'), 'nothing to turn off').to.equal(null);
      expect($<HTMLInputElement>('[id="earnedMedia.cpc"]')!.value).to.equal('');
      $<HTMLInputElement>('[id="earnedMedia.currency"]')!.value = 'chf';
      $<HTMLInputElement>('[id="earnedMedia.cpc"]')!.value = '0.75';
      $<HTMLInputElement>('[id="earnedMedia.cpm"]')!.value = '12.5';
      earnedMediaSection(mounted.shadow).querySelector<HTMLButtonElement>('[part~="save"]')!.click();
      await waitUntil(() => api.requestsTo('PATCH /v1/admin/settings').length === 1);
      expect(api.requestsTo('PATCH /v1/admin/settings')[0]!.body).to.deep.equal({ earnedMedia: { currency: 'CHF', cpc: 0.75, cpm: 12.5 } });
      await waitUntil(() => $('[part~="notice"]')!.textContent === 'Saved.', 'said in the live region');
    });

    it('turns the estimate off by sending null', async () => {
      const { api, $, focused, mounted } = await mountSettings();
      api.set({ 'GET /v1/admin/settings': { body: { ...SETTINGS, earnedMedia: null } } });
      $<HTMLButtonElement>('[part~="earned-media-off"]')!.click();
      await waitUntil(() => api.requestsTo('PATCH /v1/admin/settings').length === 1);
      expect(api.requestsTo('PATCH /v1/admin/settings')[0]!.body).to.deep.equal({ earnedMedia: null });
      await waitUntil(() => $('[part~="notice"]')!.textContent === 'The earned-media estimate is turned off.');
      await settled(mounted.widget);
      expect($('[part~="earned-media-off"]')).to.equal(null);
      expect($<HTMLInputElement>('[id="earnedMedia.cpc"]')!.value).to.equal('');
      await waitUntil(() => focused()?.id === 'earnedMedia.currency', 'focus on the currency');
    });

    for (const lang of ['en', 'fr'] as const) {
      it(`shows the API’s field error next to its field (${lang})`, async () => {
        const { api, $, mounted } = await mountSettings(
          {
            'PATCH /v1/admin/settings': {
              status: 400,
              headers: { 'content-type': 'application/problem+json' },
              body: { type: 'about:blank', title: 'Bad Request', status: 400, errors: [{ field: 'body.earnedMedia.cpm', message: 'at most 100000' }] },
            },
          },
          lang,
        );
        $<HTMLInputElement>('[id="earnedMedia.cpm"]')!.value = '90000';
        earnedMediaSection(mounted.shadow).querySelector<HTMLButtonElement>('[part~="save"]')!.click();
        await mounted.next('adv-error');
        await settled(mounted.widget);
        expect(api.requestsTo('PATCH /v1/admin/settings')[0]!.body).to.deep.equal({ earnedMedia: { currency: 'EUR', cpc: 0.8, cpm: 90000 } });
        const field = $<HTMLInputElement>('[id="earnedMedia.cpm"]')!;
        expect(field.getAttribute('aria-invalid')).to.equal('true');
        expect(mounted.shadow.getElementById(field.getAttribute('aria-describedby')!)!.textContent).to.equal('at most 100000');
        expect($<HTMLInputElement>('[id="earnedMedia.cpc"]')!.getAttribute('aria-invalid')).to.equal('false');
        expect(mounted.shadow.activeElement).to.equal(field);
        await expect(mounted.widget).to.be.accessible();
      });
    }

    it('refuses an empty cost before sending anything, next to its field', async () => {
      const { api, $, mounted } = await mountSettings(OFF);
      $<HTMLInputElement>('[id="earnedMedia.currency"]')!.value = 'EUR';
      $<HTMLInputElement>('[id="earnedMedia.cpm"]')!.value = '5';
      earnedMediaSection(mounted.shadow).querySelector<HTMLButtonElement>('[part~="save"]')!.click();
      await mounted.next('adv-error');
      await settled(mounted.widget);
      expect(api.requestsTo('PATCH /v1/admin/settings')).to.deep.equal([]);
      expect($<HTMLInputElement>('[id="earnedMedia.cpc"]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(mounted.shadow.getElementById('earnedMedia.cpc-error')!.textContent!.length).to.be.greaterThan(0);
    });
  });

  it('removes a language from the disclosure when its text is emptied (sent as null)', async () => {
    const { api, $ } = await mountSettings();
    $<HTMLInputElement>('[id="disclosure.fr"]')!.value = '';
    $<HTMLFormElement>('[id="disclosure.fr"]')!.closest('form')!.requestSubmit();
    await waitUntil(() => api.requestsTo('PATCH /v1/admin/settings').length === 1);
    expect(api.requestsTo('PATCH /v1/admin/settings')[0]!.body).to.deep.equal({ disclosure: { en: 'I work at Acme.', fr: null } });
  });

  it('creates a key with the keyboard only and shows it once, then never again', async () => {
    const { api, $, focused, mounted } = await mountSettings();
    $<HTMLInputElement>('input[name="kind"][value="publishable"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('name');
    await sendKeys({ type: 'Careers' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('key-origins');
    await sendKeys({ type: 'https://jobs.acme.example' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('create-key');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.id === 'new-key-value', 'focus on the new key');
    expect(api.requestsTo('POST /v1/admin/keys')[0]!.body).to.deep.equal({ kind: 'publishable', name: 'Careers', origins: ['https://jobs.acme.example'] });
    expect(api.requestsTo('POST /v1/admin/keys')[0]!.headers.get('idempotency-key')).to.be.a('string');
    expect((focused() as HTMLInputElement).value).to.equal(NEW_KEY);
    expect($('[part~="new-key"]')!.textContent).to.contain('it will not be shown again');
    await expect(mounted.widget).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('copy-key');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => copied.length === 1);
    expect(copied).to.deep.equal([NEW_KEY]);
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('key-done');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('part') === 'create-key', 'focus back on the create button');
    expect(mounted.shadow.innerHTML).not.to.contain(NEW_KEY);
    expect([...mounted.shadow.querySelectorAll('input')].some((input) => input.value === NEW_KEY)).to.equal(false);
  });

  it('revokes a key only after a confirmation, with the keyboard only', async () => {
    const { api, $, focused, mounted } = await mountSettings();
    $<HTMLButtonElement>('[part~="revoke"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('part') === 'revoke-confirm', 'focus on the confirmation');
    expect(api.requestsTo('DELETE /v1/admin/keys/:id')).to.deep.equal([]);
    expect($('.confirm')!.textContent).to.contain('Everything that uses it stops working at once.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // cancel
    await waitUntil(() => focused()?.getAttribute('part') === 'revoke');
    expect(api.requestsTo('DELETE /v1/admin/keys/:id')).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('part') === 'revoke-confirm');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.requestsTo('DELETE /v1/admin/keys/:id').length === 1);
    expect(api.requestsTo('DELETE /v1/admin/keys/:id')[0]!.path).to.equal(`/v1/admin/keys/${KEY.id}`);
    await waitUntil(() => $('[part~="notice"]')!.textContent!.includes('is revoked'));
    await settled(mounted.widget);
  });

  it('tests a token against the identity settings as edited, not saved', async () => {
    const { api, $, mounted } = await mountSettings();
    $<HTMLInputElement>('#jwksUrl')!.value = 'https://login.acme.example/new-jwks';
    $<HTMLTextAreaElement>('#token')!.value = 'eyJ.pasted.token';
    $<HTMLButtonElement>('[part~="test-token"]')!.click();
    await waitUntil(() => $('[part~="test-result"]') !== null);
    expect(api.requestsTo('POST /v1/admin/identity/test')[0]!.body).to.deep.equal({
      token: 'eyJ.pasted.token',
      settings: { issuer: 'https://login.acme.example/', audience: 'advocacy', jwksUrl: 'https://login.acme.example/new-jwks', adminRole: 'advocacy-admin' },
    });
    expect(api.requestsTo('PUT /v1/admin/identity'), 'nothing saved').to.deep.equal([]);
    expect($('[part~="test-result"]')!.textContent).to.contain('Programme admin: yes');
    await settled(mounted.widget);
    await expect(mounted.widget).to.be.accessible();
  });

  it('lists who changed what when opened', async () => {
    const { api, $, mounted } = await mountSettings();
    expect(api.requestsTo('GET /v1/admin/audit')).to.deep.equal([]);
    $<HTMLElement>('[part~="audit"] summary')!.click();
    await waitUntil(() => mounted.shadow.querySelector('.audit-list li') !== null);
    expect($('.audit-list li')!.textContent).to.contain('Jonas Weber');
    await expect(mounted.widget).to.be.accessible();
  });
});
