// <adv-testimonial-form>: consent, validation, one POST per submission, the author's list and withdraw.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvErrorEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-testimonial-form.js';
import type { AdvTestimonialForm } from '@advocacy/widgets';
import type { AdvSubmitEvent, AdvWithdrawEvent } from '@advocacy/widgets';
import { FakeApi, problem, type FakeAnswer, type FakeRoutes } from '../helpers/fake-api.js';
import { me } from '../helpers/fixtures/stats.js';
import { consent, FRENCH_CONSENT, myTestimonial, myTestimonials, testimonialId } from '../helpers/fixtures/testimonials.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const created = (request: { body: unknown }): FakeAnswer => {
  const { quote, role, team, location, locale } = request.body as { quote: string; role: string; team: string; location: string; locale: string };
  return { status: 201, body: myTestimonial(9, { quote, role, team, location, locale, id: testimonialId(99), status: 'pending' }) };
};

const READY: FakeRoutes = {
  'GET /v1/me': { body: me() },
  'GET /v1/testimonials/consent': (request) => ({ body: request.query.get('locale') === 'fr' ? FRENCH_CONSENT : consent() }),
  'GET /v1/testimonials/mine': { body: myTestimonials() },
  'POST /v1/testimonials': created,
};

runBaseSuite({
  tag: 'adv-testimonial-form',
  credential: 'token',
  template: (locale) => html`<adv-testimonial-form locale=${locale}></adv-testimonial-form>`,
  ready: READY,
  empty: { 'GET /v1/testimonials/consent': { body: consent({ text: ' ' }) } },
  failing: ['GET /v1/testimonials/consent'],
  key: { attribute: 'locale', values: ['en', 'fr'], seenIn: (request) => request.path === '/v1/testimonials/consent' && request.query.get('locale') === 'fr' },
});

async function mountForm(routes: FakeRoutes = {}, options: { lang?: string } = {}) {
  const api = new FakeApi({ ...READY, ...routes });
  const mounted = await mountWidget<AdvTestimonialForm>(api.client(), html`<adv-testimonial-form></adv-testimonial-form>`, options);
  await mounted.next('adv-load');
  await waitUntil(() => mounted.shadow.querySelector('[part="mine"]'), 'no list of my testimonials');
  await settled(mounted.widget);
  const { shadow, widget } = mounted;
  const $ = <E extends Element = HTMLInputElement>(selector: string) => shadow.querySelector<E & Element>(selector)!;
  /** Fills the fields as a person would (value, then an input event). */
  const fill = async (values: Record<string, string | boolean>) => {
    for (const [name, value] of Object.entries(values)) {
      const field = $(`[name="${name}"]`);
      if (typeof value === 'boolean') field.checked = value;
      else field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await settled(widget);
  };
  const valid = { quote: 'I grew more here in two years than in ten elsewhere.', role: 'Engineer', team: 'Platform', location: 'Lyon', consent: true };
  const submit = async () => {
    $<HTMLButtonElement>('[part="submit"]').click();
    await settled(widget);
  };
  return { api, ...mounted, $, fill, valid, submit };
}

describe('<adv-testimonial-form>', () => {
  afterEach(unmountAll);

  it('shows the consent text in full beside an unticked checkbox, asked for in the widget language', async () => {
    const { $, api, widget } = await mountForm();
    const box = $('#consent');
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.equal(false);
    expect(box.required).to.equal(true);
    expect(box.labels![0]!.textContent).to.equal(`${consent().text} *`);
    expect(api.requestsTo('GET /v1/testimonials/consent')[0]!.query.get('locale')).to.equal('en');
    expect($('[name="locale"]').value).to.equal('en');
    await expect(widget).to.be.accessible();
  });

  it('can be filled and sent with the keyboard only', async () => {
    const { api, shadow, widget, $, next } = await mountForm();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#quote'));
    await sendKeys({ type: 'Great people, real impact.' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#authorName'));
    expect($('#authorName').value).to.equal('Sam Taylor');
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#role'));
    await sendKeys({ type: 'Engineer' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Platform' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#location'));
    await sendKeys({ type: 'Lyon' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#locale'));
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#photoUrl'));
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#consent'));
    await sendKeys({ press: ' ' });
    expect($('#consent').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('[part="submit"]'));
    await sendKeys({ press: 'Enter' });

    const submitted = (await next('adv-submit')) as AdvSubmitEvent;
    expect(submitted.detail.testimonial.status).to.equal('pending');
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(1);
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).to.deep.equal({
      quote: 'Great people, real impact.',
      role: 'Engineer',
      team: 'Platform',
      location: 'Lyon',
      locale: 'en',
      consent: { version: '2026-11', accepted: true },
    });
    await settled(widget);
    const success = $('[part="success"]');
    expect(success.textContent).to.contain('Thank you — your testimonial will appear after review');
    expect(success.getAttribute('role')).to.equal('status');
    expect(shadow.activeElement).to.equal(success);
    await waitUntil(() => api.requestsTo('GET /v1/testimonials/mine').length === 2, 'my list was not refreshed');
    await expect(widget).to.be.accessible();
  });

  it('requires the consent box: unticked, nothing is sent and focus goes to it', async () => {
    const { api, shadow, $, fill, valid, submit } = await mountForm();
    await fill({ ...valid, consent: false });
    await submit();
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(0);
    const box = $('#consent');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.contain('Tick this box');
    expect(shadow.activeElement).to.equal(box);
  });

  it('marks every missing field, describes the error, and focuses the first one', async () => {
    const { api, shadow, $, fill, submit, widget } = await mountForm({ 'GET /v1/me': { body: me({ team: null }) } });
    await waitUntil(() => $('#authorName').value === 'Sam Taylor', 'the name was not pre-filled');
    await fill({ authorName: '' });
    await submit();
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(0);
    const messages: Record<string, string> = {
      quote: 'Write your testimonial.',
      authorName: 'Enter the name to show with your testimonial.',
      role: 'Enter your role.',
      team: 'Enter your team.',
      location: 'Enter where you work.',
    };
    for (const [name, message] of Object.entries(messages)) {
      const field = $(`#${name}`);
      expect(field.getAttribute('aria-invalid'), name).to.equal('true');
      const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => shadow.getElementById(id)!.textContent);
      expect(described, name).to.include(message);
    }
    expect($('#photoUrl').getAttribute('aria-invalid')).to.equal('false');
    expect(shadow.activeElement).to.equal($('#quote'));
    await expect(widget).to.be.accessible();
  });

  it('accepts only an https photo link, and a language from its list', async () => {
    const { api, shadow, $, fill, valid, submit } = await mountForm({}, { lang: 'fr-CA' });
    for (const bad of ['http://example.com/me.jpg', 'javascript:alert(1)', 'photo.jpg', 'https://user:pw@example.com/me.jpg']) {
      await fill({ ...valid, photoUrl: bad });
      await submit();
      expect($('#photoUrl').getAttribute('aria-invalid'), bad).to.equal('true');
      expect(shadow.getElementById('photoUrl-error')!.textContent).to.contain('commençant par https://');
      expect(shadow.activeElement).to.equal($('#photoUrl'));
    }
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(0);
    await fill({ ...valid, photoUrl: 'https://example.com/me.jpg', locale: 'fr-CA' });
    await submit();
    await waitUntil(() => api.requestsTo('POST /v1/testimonials').length === 1);
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).to.include({ photoUrl: 'https://example.com/me.jpg', locale: 'fr-CA' });
  });

  it('counts characters toward the limit, announces the count politely after a pause, and refuses too long a quote', async () => {
    const { api, shadow, $, fill, valid, submit } = await mountForm();
    const count = $('#quote-count');
    expect(count.textContent).to.equal('1,200 characters left');
    expect($('#quote').getAttribute('aria-describedby')).to.contain('quote-count');
    await fill({ quote: 'Hello' });
    expect(count.textContent).to.equal('1,195 characters left');
    const live = shadow.querySelector('[aria-live="polite"]')!;
    await waitUntil(() => live.textContent === '1,195 characters left', 'the count was not announced');
    await fill({ quote: 'x'.repeat(1_199) });
    expect(count.textContent).to.equal('1 character left');
    await fill({ ...valid, quote: 'x'.repeat(1_205) });
    expect(count.textContent).to.equal('5 characters too many');
    expect(count.classList.contains('over')).to.equal(true);
    await submit();
    expect(shadow.getElementById('quote-error')!.textContent).to.equal('Shorten your testimonial to 1,200 characters or fewer.');
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(0);
  });

  it('sends one testimonial however fast the button is clicked twice, and marks it busy meanwhile', async () => {
    let answer: (value: FakeAnswer) => void = () => undefined;
    const { api, $, fill, valid, widget, next } = await mountForm({
      'POST /v1/testimonials': (request) => new Promise<FakeAnswer>((resolve) => (answer = () => resolve(created(request)))),
    });
    await fill(valid);
    const button = $<HTMLButtonElement>('[part="submit"]');
    button.click();
    button.click();
    await settled(widget);
    button.click();
    await waitUntil(() => api.requestsTo('POST /v1/testimonials').length > 0);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    answer({});
    await next('adv-submit');
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(1);
  });

  it('shows the new consent text unticked when it changed (409), then sends with its version', async () => {
    let consentVersion = '2026-11';
    const { api, shadow, $, fill, valid, submit, next, widget } = await mountForm({
      'GET /v1/testimonials/consent': () => ({ body: consent({ version: consentVersion, text: `Consent version ${consentVersion}.` }) }),
      'POST /v1/testimonials': (request) =>
        (request.body as { consent: { version: string } }).consent.version === consentVersion ? created(request) : problem(409, 'Consent changed'),
    });
    consentVersion = '2026-12';
    await fill(valid);
    await submit();
    const error = (await next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await waitUntil(() => $('#consent').labels![0]!.textContent === 'Consent version 2026-12. *', 'the new text was not shown');
    await settled(widget);
    expect($('#consent').checked).to.equal(false);
    expect(shadow.querySelector('[role="alert"]')!.textContent).to.contain('consent text has just been updated');
    expect(shadow.activeElement).to.equal($('#consent'));
    expect($('#quote').value, 'what was typed stays').to.equal(valid.quote);
    await fill({ consent: true });
    await submit();
    await next('adv-submit');
    expect(api.requestsTo('POST /v1/testimonials').map((request) => (request.body as { consent: { version: string } }).consent.version)).to.deep.equal([
      '2026-11',
      '2026-12',
    ]);
  });

  const noAnswer = () => Promise.reject(new TypeError('Failed to fetch'));
  for (const [name, routes, message] of [
    ['422', { 'POST /v1/testimonials': problem(422, 'Unprocessable', 'The quote mentions a client by name.') }, 'The quote mentions a client by name.'],
    ['400', { 'POST /v1/testimonials': problem(400, 'Bad Request') }, 'could not be accepted'],
    ['500', { 'POST /v1/testimonials': problem(500) }, 'could not be sent'],
    // Nothing answers, not even the SDK's reachability probe (GET /healthz).
    ['a network failure', { 'POST /v1/testimonials': noAnswer, 'GET /healthz': noAnswer }, 'could not be reached'],
  ] as const) {
    it(`says so in an alert, and emits adv-error, on ${name}`, async () => {
      const { shadow, fill, valid, submit, next, widget } = await mountForm(routes);
      await fill(valid);
      await submit();
      await next('adv-error');
      await settled(widget);
      const alert = shadow.querySelector('[part="form-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain(message);
      expect(shadow.querySelector('[part="form"]'), 'the form stays').not.to.equal(null);
    });
  }

  it('lists my testimonials with their status and the rejection reason', async () => {
    const { shadow, widget } = await mountForm();
    const items = [...shadow.querySelectorAll('[part="mine-item"]')];
    expect(items.map((item) => item.querySelector('[part="status"]')!.textContent)).to.deep.equal(['Published', 'Waiting for review', 'Not published', 'Withdrawn']);
    expect(items[2]!.textContent).to.contain('Reason: Please leave out the client’s name.');
    expect(items.map((item) => Boolean(item.querySelector('[part="withdraw"]')))).to.deep.equal([true, true, true, false]);
    expect(shadow.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
    await expect(widget).to.be.accessible();
  });

  it('withdraws after a confirmation, refreshes the list and emits adv-withdraw', async () => {
    const mine = myTestimonials();
    const { api, shadow, widget, next } = await mountForm({
      'GET /v1/testimonials/mine': () => ({ body: mine }),
      'POST /v1/testimonials/:id/withdraw': (request) => {
        const id = request.path.split('/')[3];
        mine.items = mine.items.map((item) => (item.id === id ? { ...item, status: 'withdrawn', withdrawnAt: '2026-11-25T10:00:00.000Z' } : item));
        return { body: mine.items.find((item) => item.id === id) };
      },
    });
    const first = () => shadow.querySelector('[part="mine-item"]')!;
    const withdraw = first().querySelector<HTMLButtonElement>('[part="withdraw"]')!;
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    await settled(widget);
    expect(first().textContent).to.contain('Withdraw this testimonial?');
    expect(shadow.activeElement).to.equal(first().querySelector('[part="confirm-withdraw"]'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(widget);
    expect(shadow.activeElement, 'Cancel puts focus back').to.equal(first().querySelector('[part="withdraw"]'));
    expect(api.requestsTo('POST /v1/testimonials/:id/withdraw')).to.have.length(0);

    await sendKeys({ press: 'Enter' });
    await settled(widget);
    await sendKeys({ press: 'Enter' });
    const withdrawn = (await next('adv-withdraw')) as AdvWithdrawEvent;
    expect(withdrawn.detail.testimonial.id).to.equal(mine.items[0]!.id);
    expect(api.requestsTo('POST /v1/testimonials/:id/withdraw').map((request) => request.path)).to.deep.equal([`/v1/testimonials/${mine.items[0]!.id}/withdraw`]);
    expect(api.requestsTo('GET /v1/testimonials/mine')).to.have.length(2);
    await settled(widget);
    expect(first().querySelector('[part="status"]')!.textContent).to.equal('Withdrawn');
    expect(first().querySelector('[part="withdraw"]')).to.equal(null);
    expect(shadow.querySelector('[part="mine"] [role="status"]')!.textContent).to.equal('Your testimonial was withdrawn.');
    expect(shadow.activeElement).to.equal(shadow.getElementById('mine-title'));
    await expect(widget).to.be.accessible();
  });

  it('says so, with the API’s detail, when a withdrawal fails', async () => {
    const { shadow, widget, next } = await mountForm({ 'POST /v1/testimonials/:id/withdraw': problem(500, 'Failed', 'The moderation service did not answer.') });
    shadow.querySelector<HTMLButtonElement>('[part="withdraw"]')!.click();
    await settled(widget);
    shadow.querySelector<HTMLButtonElement>('[part="confirm-withdraw"]')!.click();
    await next('adv-error');
    await settled(widget);
    expect(shadow.querySelector('[part="mine"] [role="alert"]')!.textContent).to.contain('could not be withdrawn');
    expect(shadow.querySelector('[part="mine"] [role="alert"]')!.textContent).to.contain('The moderation service did not answer.');
  });

  it('speaks French, with the French consent text', async () => {
    const { $, shadow, api, fill, submit } = await mountForm({}, { lang: 'fr' });
    expect(api.requestsTo('GET /v1/testimonials/consent')[0]!.query.get('locale')).to.equal('fr');
    expect($('#consent').labels![0]!.textContent).to.equal(`${FRENCH_CONSENT.text} *`);
    expect($('#quote').labels![0]!.textContent).to.equal('Votre témoignage *');
    expect($('[part="submit"]').textContent!.trim()).to.equal('Envoyer mon témoignage');
    expect($('#quote-count').textContent!.replace(/\s/g, ' ')).to.equal('1 200 caractères restants');
    expect($('[name="locale"]').value).to.equal('fr');
    expect(shadow.querySelector('[part="status"]')!.textContent).to.equal('Publié');
    await fill({ quote: '' });
    await submit();
    expect(shadow.getElementById('quote-error')!.textContent).to.equal('Écrivez votre témoignage.');
  });
});

describe('<adv-testimonial-form> fields', () => {
  afterEach(unmountAll);

  it('pre-fills the name and the team from the profile; the name sent is left out while unchanged', async () => {
    const { $, shadow, api, fill, valid, submit, widget } = await mountForm({ 'GET /v1/me': { body: me({ name: 'Camille Martin', displayName: null, team: 'Data' }) } });
    await waitUntil(() => $('#team').value === 'Data', 'the team was not pre-filled');
    expect($('#authorName').value).to.equal('Camille Martin');
    expect($('#authorName').labels![0]!.textContent).to.equal('Name shown with your testimonial *');
    const hint = shadow.getElementById($('#authorName').getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.contain('Filled in from your profile');
    await expect(widget).to.be.accessible();
    await fill({ quote: valid.quote, role: valid.role, location: valid.location, consent: true });
    await submit();
    await waitUntil(() => api.requestsTo('POST /v1/testimonials').length === 1);
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).to.include({ team: 'Data' });
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).not.to.have.property('authorName');
  });

  it('lets the name be changed, and sends the changed name (trimmed) as authorName', async () => {
    const { $, api, fill, valid, submit, widget } = await mountForm({ 'GET /v1/me': { body: me({ name: 'Camille Martin', displayName: 'Cam M.', team: 'Data' }) } });
    await waitUntil(() => $('#authorName').value === 'Cam M.', 'the display name was not pre-filled');
    await fill({ ...valid, authorName: '  Camille  ' });
    await submit();
    await waitUntil(() => api.requestsTo('POST /v1/testimonials').length === 1);
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).to.include({ authorName: 'Camille', team: 'Platform' });
    await expect(widget).to.be.accessible();
  });

  it('requires a name of one line, and says why in the field, focused', async () => {
    const { $, shadow, api, fill, valid, submit, widget } = await mountForm();
    await waitUntil(() => $('#authorName').value === 'Sam Taylor', 'the name was not pre-filled');
    expect($('#authorName').required).to.equal(true);
    expect($('#authorName').maxLength).to.equal(60);
    for (const [bad, message] of [
      ['   ', 'Enter the name to show with your testimonial.'],
      ['Sam\tTaylor', 'Use one line of 60 characters or fewer.'],
    ] as const) {
      await fill({ ...valid, authorName: bad });
      await submit();
      expect($('#authorName').getAttribute('aria-invalid'), JSON.stringify(bad)).to.equal('true');
      const described = $('#authorName').getAttribute('aria-describedby')!.split(' ').map((id) => shadow.getElementById(id)!.textContent);
      expect(described).to.include(message);
      expect(shadow.activeElement).to.equal($('#authorName'));
    }
    expect(api.requestsTo('POST /v1/testimonials')).to.have.length(0);
    await expect(widget).to.be.accessible();
  });

  it('asks for the name in French', async () => {
    const { $, shadow, api, fill, valid, submit, widget } = await mountForm({}, { lang: 'fr' });
    await waitUntil(() => $('#authorName').value === 'Sam Taylor', 'the name was not pre-filled');
    expect($('#authorName').labels![0]!.textContent).to.equal('Nom affiché avec votre témoignage *');
    expect(shadow.getElementById('authorName-hint')!.textContent).to.contain('Repris de votre profil');
    await fill({ ...valid, authorName: '' });
    await submit();
    expect(shadow.getElementById('authorName-error')!.textContent).to.equal('Indiquez le nom à afficher avec votre témoignage.');
    await fill({ ...valid, authorName: 'Sam' });
    await submit();
    await waitUntil(() => api.requestsTo('POST /v1/testimonials').length === 1);
    expect(api.requestsTo('POST /v1/testimonials')[0]!.body).to.include({ authorName: 'Sam' });
    await expect(widget).to.be.accessible();
  });

  it('keeps what the employee typed when the profile arrives late', async () => {
    let answer: (value: FakeAnswer) => void = () => undefined;
    const late = new Promise<FakeAnswer>((resolve) => (answer = resolve));
    const { $, fill, widget } = await mountForm({ 'GET /v1/me': () => late });
    await fill({ team: 'Marketing', authorName: 'Sam' });
    answer({ body: me({ team: 'Data' }) });
    await late;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settled(widget);
    expect($('#team').value).to.equal('Marketing');
    expect($('#authorName').value).to.equal('Sam');
  });

  for (const [lang, selected, label, sample] of [
    ['en', 'en', 'English', 'French'],
    ['fr', 'fr', 'Français', 'Anglais'],
    ['fr-CA', 'fr-CA', 'Français canadien', 'Allemand'],
  ] as const) {
    it(`asks for the language with a list of named languages, the page's first and chosen (${lang})`, async () => {
      const { $, shadow, widget } = await mountForm({}, { lang });
      const select = $<HTMLSelectElement>('#locale');
      expect(select.localName).to.equal('select');
      expect(select.value).to.equal(selected);
      expect(select.required).to.equal(true);
      const labels = [...select.options].map((option) => option.textContent);
      expect(labels[0]).to.equal(label);
      expect(labels).to.include(sample);
      expect(new Set([...select.options].map((option) => option.value)).size).to.equal(select.options.length);
      expect(shadow.querySelector('.required-note')!.textContent).to.contain('*');
      await expect(widget).to.be.accessible();
    });
  }

  it('marks required fields visibly and for assistive technology, and keeps fields to a readable width', async () => {
    const { $, shadow, widget } = await mountForm();
    widget.style.display = 'block';
    widget.style.inlineSize = '1600px';
    for (const name of ['quote', 'authorName', 'role', 'team', 'location', 'locale', 'consent']) {
      const field = $(`#${name}`);
      expect(field.required, name).to.equal(true);
      expect(field.labels![0]!.querySelector('.required[aria-hidden="true"]'), `${name} marked`).not.to.equal(null);
    }
    expect($('#photoUrl').required).to.equal(false);
    expect($('#photoUrl').labels![0]!.querySelector('.required')).to.equal(null);
    const em = parseFloat(getComputedStyle($('#role')).fontSize);
    for (const name of ['authorName', 'role', 'team', 'location', 'locale', 'photoUrl', 'quote']) {
      const width = $(`#${name}`).getBoundingClientRect().width;
      expect(width, `${name} is ${width}px wide`).to.be.lessThan(em * 45);
      expect(width, `${name} is ${width}px wide`).to.be.greaterThan(em * 15);
    }
    expect(shadow.querySelector('.required-note')!.textContent).to.equal('Fields marked * are required.');
  });
});
