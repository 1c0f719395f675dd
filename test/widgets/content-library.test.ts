// <adv-content-library>: the base suite (English and French), the admin role, the keyboard-only creation with
// its exact request, edits as merge patches, the refused destination, archive / restore / duplicate, the
// share card preview and the failures.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvErrorEvent, AdvShareCard } from '@advocacy/widgets';
import type { AdvContentLibrary } from '@advocacy/widgets/admin';
import '@advocacy/widgets/define/adv-content-library.js';
import { FakeApi, pending, problem, type FakeRoutes } from '../helpers/fake-api.js';
import { fixtureId } from '../helpers/fixtures/content.js';
import { libraryItem, libraryPage, libraryRoutes } from '../helpers/fixtures/content-library.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { dateTimeKeys } from './helpers/engine.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

for (const lang of ['en', 'fr'] as const) {
  runBaseSuite({
    tag: lang === 'en' ? 'adv-content-library' : 'adv-content-library (fr)',
    credential: 'token',
    template: (status) => html`<adv-content-library status=${status} locale=${lang}></adv-content-library>`,
    ready: libraryRoutes(),
    empty: { 'GET /v1/content': { body: { items: [], nextCursor: null } } },
    failing: ['GET /v1/content'],
    key: { attribute: 'status', values: ['live', 'draft'], seenIn: (request) => request.path === '/v1/content' && request.query.get('status') === 'draft' },
  });
}

const aFewTasks = () => new Promise((resolve) => setTimeout(resolve, 50));

async function mountLibrary(routes: FakeRoutes = {}, options: { status?: string; lang?: string } = {}) {
  const api = new FakeApi({ ...libraryRoutes(), ...routes });
  const mounted = await mountWidget<AdvContentLibrary>(api.client(), html`<adv-content-library status=${options.status ?? 'live'}></adv-content-library>`, options);
  await mounted.next('adv-load');
  await settled(mounted.widget);
  const { shadow, widget } = mounted;
  const $ = <E extends Element = HTMLInputElement>(selector: string) => shadow.querySelector<E & Element>(selector)!;
  const item = (id: string, action: string) => $<HTMLButtonElement>(`[data-id="${id}"] [data-action="${action}"]`);
  /** Presses Tab until `selector` has focus (keyboard only, as a person would). */
  const tabTo = async (selector: string) => {
    for (let presses = 0; presses < 60; presses += 1) {
      if (shadow.activeElement === $(selector)) return;
      await sendKeys({ press: 'Tab' });
    }
    expect.fail(`Tab never reached ${selector}`);
  };
  /** Sets fields as a person would (value, then an input event). */
  const fill = async (values: Record<string, string>) => {
    for (const [selector, value] of Object.entries(values)) {
      const field = $<HTMLInputElement>(selector);
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await settled(widget);
  };
  const openNew = async () => {
    $<HTMLButtonElement>('[part="new"]').click();
    await settled(widget);
  };
  return { api, ...mounted, $, item, tabTo, fill, openNew };
}

describe('<adv-content-library>', () => {
  afterEach(unmountAll);

  it('lists the live state by default, with each item’s state, and asks for another state when chosen', async () => {
    const { api, shadow, $, widget } = await mountLibrary();
    expect(api.requestsTo('GET /v1/content')[0]!.query.get('status')).to.equal('live');
    const items = shadow.querySelectorAll('[part="item"]');
    expect(items).to.have.length(3);
    expect(items[0]!.querySelector('.badge')!.textContent).to.equal('Live');
    $('input[name="status"][value="scheduled"]').click();
    await waitUntil(() => api.requestsTo('GET /v1/content').some((request) => request.query.get('status') === 'scheduled'), 'no scheduled request');
    await waitUntil(() => shadow.querySelector('.badge')?.textContent === 'Scheduled', 'scheduled items not shown');
    expect(widget.status).to.equal('scheduled');
  });

  it('searches by title and filters by tag, campaign and language, and says when nothing matches', async () => {
    const { api, shadow, $, fill, widget } = await mountLibrary({
      'GET /v1/content': (request) => ({ body: request.query.has('q') ? { items: [], nextCursor: null } : libraryPage(2) }),
    });
    await fill({ '#filter-q': 'Lyon', '#filter-tag': 'Careers', '#filter-campaign': 'spring-hiring', '#filter-locale': 'fr' });
    $<HTMLButtonElement>('.filters button[type="submit"]').click();
    await waitUntil(() => api.requestsTo('GET /v1/content').length === 2, 'no filtered request');
    const query = api.requestsTo('GET /v1/content')[1]!.query;
    expect(Object.fromEntries(query)).to.deep.equal({ status: 'live', limit: '20', q: 'Lyon', tag: 'careers', campaign: 'spring-hiring', locale: 'fr' });
    await waitUntil(() => shadow.querySelector('slot[name="empty"]'), 'no empty state');
    expect(shadow.querySelector('slot[name="empty"]')!.textContent!.trim()).to.equal('Nothing matches these filters. Change or clear them.');
    await expect(widget).to.be.accessible();
  });

  it('refuses a malformed tag filter next to the field without asking the API', async () => {
    const { api, $, fill, shadow, widget } = await mountLibrary();
    await fill({ '#filter-tag': 'open roles!' });
    $<HTMLButtonElement>('.filters button[type="submit"]').click();
    await settled(widget);
    expect($('#filter-tag').getAttribute('aria-invalid')).to.equal('true');
    expect($('#filter-tag-error').textContent).to.contain('lower-case words joined by hyphens');
    expect(shadow.activeElement).to.equal($('#filter-tag'));
    expect(api.requestsTo('GET /v1/content')).to.have.length(1);
  });

  it('says how to start when a state has no content', async () => {
    const { shadow } = await mountLibrary({ 'GET /v1/content': { body: { items: [], nextCursor: null } } });
    expect(shadow.querySelector('slot[name="empty"]')!.textContent!.trim()).to.equal('No content here yet: create the first with “New content”.');
    expect(shadow.querySelector('[part="new"]'), 'New content stays available').not.to.equal(null);
  });

  it('loads more with the cursor and moves focus to the first new item', async () => {
    const { api, shadow, $ } = await mountLibrary({
      'GET /v1/content': (request) => ({ body: request.query.get('cursor') === 'next' ? libraryPage(2, 'live', { offset: 3 }) : libraryPage(3, 'live', { nextCursor: 'next' }) }),
    });
    $<HTMLButtonElement>('[part="more"]').click();
    await waitUntil(() => shadow.querySelectorAll('[part="item"]').length === 5, 'no second page');
    expect(api.requestsTo('GET /v1/content')[1]!.query.get('cursor')).to.equal('next');
    expect(api.requestsTo('GET /v1/content')[1]!.query.get('status')).to.equal('live');
    await waitUntil(() => shadow.activeElement === $(`[data-id="${fixtureId(4)}"] [data-action="edit"]`), 'focus did not move to the first new item');
    expect(shadow.querySelector('[part="more"]')).to.equal(null);
  });

  for (const [lang, title] of [
    ['en', 'This needs the programme admin role.'],
    ['fr', 'Cette page demande le rôle d’administrateur du programme.'],
  ] as const) {
    it(`shows a non-admin the admin-required state and asks nothing but who they are (${lang})`, async () => {
      const api = new FakeApi(libraryRoutes({ isAdmin: false }));
      const mounted = await mountWidget(api.client(), html`<adv-content-library></adv-content-library>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]'), 'no admin-required state');
      await aFewTasks();
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[part~="admin-required"]')!.textContent).to.contain(title);
      expect(api.requests.map((request) => `${request.method} ${request.path}`)).to.deep.equal(['GET /v1/me']);
      expect(mounted.shadow.querySelector('[part="new"]'), 'no way to create').to.equal(null);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('is created with the keyboard alone: fields, LinkedIn and X texts, a publish time; the request is exact', async () => {
    const created = libraryItem(500, 'scheduled', { title: 'Meet our Lyon team' });
    let saved = false;
    const { api, shadow, $, tabTo, widget } = await mountLibrary({
      'GET /v1/content': () => ({ body: saved ? { items: [created, ...libraryPage(2).items], nextCursor: null } : libraryPage(2) }),
      'POST /v1/content': () => {
        saved = true;
        return { status: 201, body: created };
      },
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo('[part="new"]');
    await sendKeys({ press: 'Enter' });
    await settled(widget);
    expect(shadow.activeElement, 'focus on the form’s heading').to.equal($('#form-title'));
    await expect(widget).to.be.accessible();

    await tabTo('#title');
    await sendKeys({ type: 'Meet our Lyon team' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#url'));
    await sendKeys({ type: 'https://acme.example/lyon' });
    await tabTo('#tags');
    await sendKeys({ type: 'careers, lyon' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#campaign'));
    await sendKeys({ type: 'spring-hiring' });
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal($('#locale'));
    expect($('#locale').value).to.equal('en');
    await tabTo('#publishAt');
    for (const keys of dateTimeKeys('12', '08', '2026', '0930A')) await sendKeys(keys);
    await settled(widget);
    expect($('#publishAt').value).to.equal('2026-12-08T09:30');

    // LinkedIn is the first network offered; the language is the content's.
    await tabTo('#add-network');
    expect($<HTMLSelectElement>('#add-network').value).to.equal('linkedin');
    await tabTo('#add-text');
    await sendKeys({ press: 'Enter' });
    await settled(widget);
    expect(shadow.activeElement).to.equal($('#text-linkedin-en'));
    await sendKeys({ type: 'Our Lyon team is growing, come and meet us.' });
    await tabTo('#add-network');
    await sendKeys({ press: 'ArrowDown' });
    await settled(widget);
    expect($<HTMLSelectElement>('#add-network').value).to.equal('x');
    await tabTo('#add-text');
    await sendKeys({ press: 'Enter' });
    await settled(widget);
    expect(shadow.activeElement).to.equal($('#text-x-en'));
    await sendKeys({ type: 'Hiring in Lyon' });
    await settled(widget);
    expect($('#count-text-x-en').textContent).to.match(/^\d+ of 280 characters$/);

    await tabTo('[part="save"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.requestsTo('POST /v1/content').length === 1, 'nothing was sent');
    const request = api.requestsTo('POST /v1/content')[0]!;
    expect(request.body).to.deep.equal({
      title: 'Meet our Lyon team',
      url: 'https://acme.example/lyon',
      locale: 'en',
      status: 'published',
      tags: ['careers', 'lyon'],
      campaign: 'spring-hiring',
      // 9:30 on 8 December in the browser's time zone, sent in UTC.
      publishAt: new Date(2026, 11, 8, 9, 30).toISOString(),
      suggestedTexts: { linkedin: { en: 'Our Lyon team is growing, come and meet us.' }, x: { en: 'Hiring in Lyon' } },
    });
    expect(request.headers.get('idempotency-key')).to.be.a('string');
    await waitUntil(() => shadow.activeElement === $(`[data-id="${created.id}"] [data-action="edit"]`), 'focus did not move to the new item');
    expect($('[part="notice"]').textContent).to.equal('Created “Meet our Lyon team”.');
    expect($('[part="notice"]').getAttribute('role')).to.equal('status');
  });

  it('states the time zone next to the times', async () => {
    const { $, openNew } = await mountLibrary();
    await openNew();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect($('#zone').textContent).to.equal(`Times are in your time zone, ${zone}.`);
    expect($('#publishAt').getAttribute('aria-describedby')).to.contain('zone');
  });

  it('checks the form before sending: required fields, https, expiry after publish', async () => {
    const { api, $, fill, openNew, shadow, widget } = await mountLibrary();
    await openNew();
    await fill({ '#url': 'http://acme.example/x', '#publishAt': '2026-12-08T09:30', '#expiresAt': '2026-12-01T09:30' });
    $<HTMLButtonElement>('[part="save"]').click();
    await settled(widget);
    expect(api.requestsTo('POST /v1/content')).to.deep.equal([]);
    expect($('#title-error').textContent).to.equal('Required.');
    expect($('#url-error').textContent).to.contain('https');
    expect($('#expiresAt-error').textContent).to.equal('The expiry must come after the publish time.');
    expect(shadow.activeElement).to.equal($('#title'));
    await expect(widget).to.be.accessible();
  });

  it('shows the API’s refusal of the destination, naming the allowed domains, next to the URL field', async () => {
    const detail = 'The destination is refused: evil.example is not one of the organisation’s allowed domains (acme.example, acme.jobs).';
    const { $, fill, openNew, shadow, widget, next } = await mountLibrary({
      'POST /v1/content': {
        status: 422,
        body: { type: 'https://advocacy.example/problems/destination-not-allowed', title: 'Unprocessable Content', status: 422, detail, errors: [{ field: 'body.url', message: 'not allowed' }] },
        headers: { 'content-type': 'application/problem+json' },
      },
    });
    await openNew();
    await fill({ '#title': 'Elsewhere', '#url': 'https://evil.example/page' });
    $<HTMLButtonElement>('[part="save"]').click();
    const error = (await next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(widget);
    expect($('#url').getAttribute('aria-invalid')).to.equal('true');
    expect($('#url-error').textContent).to.equal(detail);
    expect($('#url').getAttribute('aria-describedby')).to.contain('url-error');
    expect(shadow.activeElement).to.equal($('#url'));
    expect($('[part="form"]'), 'the form stays open with what was typed').not.to.equal(null);
    expect($('#title').value).to.equal('Elsewhere');
    await expect(widget).to.be.accessible();
  });

  it('sends an edit as a merge patch: only the X text that changed', async () => {
    const { api, $, fill, item, widget } = await mountLibrary();
    const target = libraryItem(1);
    item(target.id, 'edit').click();
    await settled(widget);
    expect($('#text-linkedin-fr').value).to.equal(target.suggestedTexts.linkedin!.fr);
    await fill({ '#text-x-en': 'Lyon is hiring: eight roles open.' });
    $<HTMLButtonElement>('[part="save"]').click();
    await waitUntil(() => api.requestsTo('PATCH /v1/content/:id').length === 1, 'no PATCH');
    const request = api.requestsTo('PATCH /v1/content/:id')[0]!;
    expect(request.path).to.equal(`/v1/content/${target.id}`);
    expect(request.body).to.deep.equal({ suggestedTexts: { x: { en: 'Lyon is hiring: eight roles open.' } } });
  });

  it('sends a removed language as null and a network left without text as null; other fields only when changed', async () => {
    const { api, $, fill, item, shadow, widget } = await mountLibrary();
    const target = libraryItem(2);
    item(target.id, 'edit').click();
    await settled(widget);
    $<HTMLButtonElement>('[data-remove="text-linkedin-fr"]').click();
    await settled(widget);
    expect(shadow.activeElement, 'focus goes to “Add a text”').to.equal($('#add-text'));
    $<HTMLButtonElement>('[data-remove="text-bluesky-en"]').click();
    await fill({ '#title': 'Hiring in Lyon and Paris' });
    $<HTMLButtonElement>('[part="save"]').click();
    await waitUntil(() => api.requestsTo('PATCH /v1/content/:id').length === 1, 'no PATCH');
    expect(api.requestsTo('PATCH /v1/content/:id')[0]!.body).to.deep.equal({
      title: 'Hiring in Lyon and Paris',
      suggestedTexts: { linkedin: { fr: null }, bluesky: null },
    });
    await waitUntil(() => $('[part="notice"]')?.textContent === 'Saved “Hiring in Lyon and Paris”.', 'no saved notice');
  });

  it('sends nothing when nothing changed', async () => {
    const { api, $, item, widget } = await mountLibrary();
    item(libraryItem(1).id, 'edit').click();
    await settled(widget);
    $<HTMLButtonElement>('[part="save"]').click();
    await settled(widget);
    await waitUntil(() => $('[part="notice"]')?.textContent === 'Nothing changed; nothing was sent.', 'no notice');
    expect(api.requestsTo('PATCH /v1/content/:id')).to.deep.equal([]);
  });

  it('shows the live count and the disclosure under each text, as the share card does', async () => {
    const { $, fill, item, widget } = await mountLibrary();
    item(libraryItem(1).id, 'edit').click();
    await settled(widget);
    expect($('#disclosure-text-x-en').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Always added to your post: I work at Acme.');
    await fill({ '#text-x-en': 'é'.repeat(300) });
    expect($('#count-text-x-en').textContent).to.match(/characters over the limit for X$/);
    expect($('#text-x-en').getAttribute('aria-invalid')).to.equal('true');
    await expect(widget).to.be.accessible();
  });

  it('previews the draft in a real share card, as employees will see it, with sharing off', async () => {
    const { api, $, fill, openNew, widget } = await mountLibrary();
    await openNew();
    await fill({ '#title': 'A draft title', '#url': 'https://acme.example/draft' });
    $<HTMLButtonElement>('#add-text').click();
    await settled(widget);
    await fill({ '#text-linkedin-en': 'Words for LinkedIn' });
    const card = $<AdvShareCard>('[part="preview"] adv-share-card');
    await card.updateComplete;
    expect(card.preview).to.equal(true);
    const cardRoot = card.shadowRoot!;
    expect(cardRoot.querySelector('#title')!.textContent!.trim()).to.equal('A draft title');
    expect(cardRoot.querySelector<HTMLTextAreaElement>('#text')!.value).to.equal('Words for LinkedIn');
    expect(cardRoot.querySelector('[part="disclosure"]')!.textContent).to.contain('I work at Acme.');
    const share = cardRoot.querySelector<HTMLButtonElement>('[part="share"]')!;
    expect(share.getAttribute('aria-disabled')).to.equal('true');
    share.click();
    await aFewTasks();
    expect(api.requestsTo('POST /v1/shares')).to.deep.equal([]);
    await expect(widget).to.be.accessible();
  });

  it('archives after asking, then says so and moves focus to the library’s heading', async () => {
    const { api, $, item, shadow, widget } = await mountLibrary();
    const target = libraryItem(2);
    item(target.id, 'archive').click();
    await settled(widget);
    expect(shadow.activeElement).to.equal($('[part="confirm-archive"]'));
    expect(api.requestsTo('POST /v1/content/:id/archive'), 'asked first').to.deep.equal([]);
    await expect(widget).to.be.accessible();
    $<HTMLButtonElement>('[part="confirm-archive"]').click();
    await waitUntil(() => api.requestsTo('GET /v1/content').length === 2, 'the list was not refreshed');
    expect(api.requestsTo('POST /v1/content/:id/archive').map((request) => request.path)).to.deep.equal([`/v1/content/${target.id}/archive`]);
    await waitUntil(() => shadow.activeElement === $('#library-title'), 'focus did not move to the heading');
    expect($('[part="notice"]').textContent).to.equal('Archived “Story 2”.');
  });

  it('cancels an archive without asking the API and puts focus back on the Archive button', async () => {
    const { api, item, shadow, widget } = await mountLibrary();
    const target = libraryItem(1);
    item(target.id, 'archive').click();
    await settled(widget);
    [...shadow.querySelectorAll<HTMLButtonElement>('.confirm button')].at(-1)!.click();
    await settled(widget);
    expect(shadow.activeElement).to.equal(item(target.id, 'archive'));
    expect(api.requestsTo('POST /v1/content/:id/archive')).to.deep.equal([]);
  });

  it('restores archived content', async () => {
    const { api, $, item, shadow } = await mountLibrary({}, { status: 'archived' });
    const target = libraryItem(3);
    expect($(`[data-id="${target.id}"] [data-action="edit"]`), 'archived content is restored, not edited').to.equal(null);
    item(target.id, 'restore').click();
    await waitUntil(() => api.requestsTo('POST /v1/content/:id/restore').length === 1, 'no restore');
    expect(api.requestsTo('POST /v1/content/:id/restore')[0]!.path).to.equal(`/v1/content/${target.id}/restore`);
    await waitUntil(() => shadow.activeElement === $('#library-title'), 'focus did not move to the heading');
    expect($('[part="notice"]').textContent).to.equal('Restored “Story 3” (Draft).');
  });

  it('duplicates, then opens the copy in the form', async () => {
    const { api, $, item, shadow } = await mountLibrary();
    const target = libraryItem(1);
    item(target.id, 'duplicate').click();
    await waitUntil(() => $('[part="form"]'), 'the copy was not opened');
    const request = api.requestsTo('POST /v1/content/:id/duplicate')[0]!;
    expect(request.path).to.equal(`/v1/content/${target.id}/duplicate`);
    expect(request.headers.get('idempotency-key')).to.be.a('string');
    await waitUntil(() => shadow.activeElement === $('#form-title'), 'focus did not move to the form');
    expect($('#title').value).to.equal('Copy of Story 1');
    expect($('[part="notice"]').textContent).to.equal('Copied “Story 1” as a new draft, open below.');
  });

  it('emits adv-error and says what to do when an action fails', async () => {
    const { $, item, next, shadow, widget } = await mountLibrary({ 'POST /v1/content/:id/duplicate': problem(503, 'Unavailable', 'The database is busy.') });
    item(libraryItem(1).id, 'duplicate').click();
    const error = (await next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(widget);
    const alert = $('[part="form-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('The database is busy.');
    expect(alert.textContent).to.contain('Check the details below, then try again.');
    expect(shadow.activeElement).to.equal(alert);
    await expect(widget).to.be.accessible();
  });

  it('is accessible while the form waits for the list to load', async () => {
    const api = new FakeApi({ ...libraryRoutes(), 'GET /v1/content': pending });
    const mounted = await mountWidget<AdvContentLibrary>(api.client(), html`<adv-content-library></adv-content-library>`, { lang: 'fr' });
    await waitUntil(() => api.requestsTo('GET /v1/content').length === 1, 'no list request');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[part="new"]')!.textContent!.trim()).to.equal('Nouveau contenu');
    mounted.shadow.querySelector<HTMLButtonElement>('[part="new"]')!.click();
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('#form-title')!.textContent).to.equal('Nouveau contenu');
    await expect(mounted.widget).to.be.accessible();
  });
});
