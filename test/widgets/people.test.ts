// <adv-people>: the base suite in English and French, the admin-role state, the range presets from an injected
// clock, search, filters and load more as requests, and the leaver and GDPR flows with the keyboard only
// (deactivate, erase with the name typed), export as a download, and adv-error when an action fails.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-people.js';
import type { AdvErrorEvent } from '@advocacy/widgets';
import { rangeDays, type AdvPeople } from '@advocacy/widgets/admin';
import { FakeApi, problem, type FakeRequest, type FakeRoutes } from '../helpers/fake-api.js';
import { peoplePage, person, personExport, personId } from '../helpers/fixtures/people.js';
import { me } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const ADMIN: FakeRoutes = { 'GET /v1/me': { body: me({ isAdmin: true }) } };
/** Sunday 6 December 2026, 23:30 UTC. */
const NOW = () => new Date('2026-12-06T23:30:00.000Z');

const listing = (request: FakeRequest) => ({ body: peoplePage(3, { from: request.query.get('from') ?? '2026-11-07', to: request.query.get('to') ?? '2026-12-06' }) });

for (const locale of ['en', 'fr'] as const) {
  runBaseSuite({
    tag: `adv-people (${locale})`,
    credential: 'token',
    template: (range) => html`<adv-people locale=${locale} range=${range} .now=${NOW}></adv-people>`,
    ready: { ...ADMIN, 'GET /v1/admin/people': listing },
    empty: { 'GET /v1/admin/people': { body: peoplePage(0) } },
    failing: ['GET /v1/admin/people'],
    key: { attribute: 'range', values: ['last-30-days', 'this-month'], seenIn: (request) => request.query.get('from') === '2026-12-01' },
  });
}

describe('rangeDays', () => {
  it('counts UTC days back from the clock, across month and year boundaries', () => {
    const now = new Date('2026-01-15T00:30:00.000Z');
    expect(rangeDays('last-30-days', now)).to.deep.equal({ from: '2025-12-17', to: '2026-01-15' });
    expect(rangeDays('this-month', now)).to.deep.equal({ from: '2026-01-01', to: '2026-01-15' });
    expect(rangeDays('this-quarter', now)).to.deep.equal({ from: '2026-01-01', to: '2026-01-15' });
    expect(rangeDays('this-quarter', new Date('2026-12-31T23:59:59.000Z'))).to.deep.equal({ from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('<adv-people>', () => {
  afterEach(unmountAll);

  async function mountPeople(routes: FakeRoutes = {}, lang = 'en') {
    const api = new FakeApi({
      ...ADMIN,
      'GET /v1/admin/people': listing,
      'POST /v1/admin/people/:id/deactivate': (request) => ({
        body: person(Number.parseInt(request.path.split('/')[4]!.slice(-12), 16) - 1, { status: 'deactivated', deactivatedAt: '2026-12-06T23:31:00.000Z' }),
      }),
      'POST /v1/admin/people/:id/reactivate': (request) => ({ body: person(Number.parseInt(request.path.split('/')[4]!.slice(-12), 16) - 1) }),
      'POST /v1/admin/people/:id/erase': (request) => ({
        body: person(Number.parseInt(request.path.split('/')[4]!.slice(-12), 16) - 1, {
          name: '',
          displayName: null,
          email: null,
          optedIn: false,
          status: 'erased',
          deactivatedAt: '2026-12-06T23:31:00.000Z',
          erasedAt: '2026-12-06T23:31:00.000Z',
        }),
      }),
      'GET /v1/admin/people/:id/export': { body: personExport(0) },
      ...routes,
    });
    const mounted = await mountWidget<AdvPeople>(api.client(), html`<adv-people .now=${NOW}></adv-people>`, { lang });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const $ = <E extends Element = HTMLElement>(selector: string) => mounted.shadow.querySelector<E>(selector);
    const $$ = (selector: string) => [...mounted.shadow.querySelectorAll<HTMLElement>(selector)];
    const focused = () => mounted.shadow.activeElement as HTMLElement | null;
    const row = (n: number) => $(`[part~="row"][data-id="${personId(n)}"]`)!;
    const lists = () => api.requestsTo('GET /v1/admin/people');
    return { api, mounted, $, $$, focused, row, lists };
  }

  it('lists people with their team, opt-in, last activity, shares and readers over the last 30 days', async () => {
    const { $, row, lists } = await mountPeople();
    expect(Object.fromEntries(lists()[0]!.query)).to.deep.equal({ status: 'all', from: '2026-11-07', to: '2026-12-06', limit: '20' });
    const cells = [...row(1).querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 7)).to.deep.equal(['Jonas Weber shown as Jonas W.', 'Design', 'Not opted in', 'Dec 5, 2026', '11', '39', 'Active']);
    expect(row(2).textContent).to.contain('No team');
    expect($('caption')!.textContent).to.contain('from Nov 7, 2026 to Dec 6, 2026');
  });

  it('counts this month and this quarter from the injected clock', async () => {
    const { $, mounted, lists } = await mountPeople();
    const range = $<HTMLSelectElement>('#range')!;
    range.value = 'this-quarter';
    range.dispatchEvent(new Event('change'));
    await mounted.next('adv-load');
    expect(lists().at(-1)!.query.get('from')).to.equal('2026-10-01');
    expect(lists().at(-1)!.query.get('to')).to.equal('2026-12-06');
    expect(mounted.widget.getAttribute('range')).to.equal('this-quarter');
  });

  it('searches by name as one types, asking once typing stops', async () => {
    const { $, mounted, lists } = await mountPeople();
    $<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: 'amina' });
    await waitUntil(() => lists().some((request) => request.query.has('q')), 'no search request');
    await mounted.next('adv-load');
    const searches = lists().filter((request) => request.query.has('q'));
    expect(searches.map((request) => request.query.get('q'))).to.deep.equal(['amina']);
    expect(document.activeElement === mounted.widget && mounted.shadow.activeElement?.id, 'focus stays in the search field').to.equal('search');
  });

  it('filters by status and by team', async () => {
    const { $, mounted, lists } = await mountPeople();
    const status = $<HTMLSelectElement>('#status')!;
    status.value = 'deactivated';
    status.dispatchEvent(new Event('change'));
    await mounted.next('adv-load');
    expect(lists().at(-1)!.query.get('status')).to.equal('deactivated');
    $<HTMLInputElement>('#team')!.focus();
    await sendKeys({ type: 'Design' });
    await sendKeys({ press: 'Enter' });
    await mounted.next('adv-load');
    expect(lists().at(-1)!.query.get('team')).to.equal('Design');
    expect(lists().at(-1)!.query.get('status')).to.equal('deactivated');
  });

  it('loads more with the cursor, keeps the range, and moves focus to the first new person', async () => {
    const { $$, mounted, focused, lists, api } = await mountPeople({
      'GET /v1/admin/people': (request) => ({
        body: request.query.get('cursor') ? peoplePage(2, { first: 3 }) : peoplePage(3, { nextCursor: 'next-page_1' }),
      }),
    });
    const more = $$('[part~="more"]')[0]!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$('[part~="row"]').length === 5, 'the next page is not shown');
    await settled(mounted.widget);
    const next = lists().at(-1)!;
    expect(next.query.get('cursor')).to.equal('next-page_1');
    expect(next.query.get('from')).to.equal('2026-11-07');
    expect(focused()?.closest('[part~="row"]')?.getAttribute('data-id')).to.equal(personId(3));
    expect($$('[part~="more"]')).to.deep.equal([]);
    expect(api.requests.filter((request) => request.method !== 'GET')).to.deep.equal([]);
  });

  it('deactivates a leaver with the keyboard only, after a dialog that says what happens', async () => {
    const { api, $, row, focused, mounted } = await mountPeople();
    row(0).querySelector<HTMLElement>('[data-action="export"]')!.focus();
    await shiftTab();
    expect(focused()?.dataset.action).to.equal('deactivate');
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    const dialog = $<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Deactivate Amina Diallo?');
    expect(dialog.textContent).to.contain('gone from every leaderboard at once');
    expect(dialog.textContent).to.contain('testimonials stay published under the consent they gave, until they withdraw them');
    expect(focused()?.dataset.dialog, 'focus on the harmless choice').to.equal('cancel');
    await expect(mounted.widget).to.be.accessible();
    await shiftTab();
    expect(focused()?.dataset.dialog).to.equal('confirm');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'the dialog stays open');
    const posts = api.requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => [request.path, request.body])).to.deep.equal([[`/v1/admin/people/${personId(0)}/deactivate`, undefined]]);
    await waitUntil(() => focused()?.dataset.action === 'reactivate', 'focus is not back on the row');
    expect(focused()!.closest('[part~="row"]')!.getAttribute('data-id')).to.equal(personId(0));
    expect(row(0).textContent).to.contain('Deactivated Dec 6, 2026');
    expect($('[part~="notice"]')!.textContent).to.equal('Amina Diallo is deactivated: gone from the leaderboards.');
  });

  it('Escape closes the dialog, asks nothing, and puts focus back on the button that opened it', async () => {
    const { api, $, row, focused, mounted } = await mountPeople();
    row(1).querySelector<HTMLElement>('[data-action="deactivate"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    expect($<HTMLDialogElement>('dialog')!.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused()?.dataset.action === 'deactivate', 'focus is not back');
    expect($<HTMLDialogElement>('dialog')!.open).to.equal(false);
    expect(focused()!.closest('[part~="row"]')!.getAttribute('data-id')).to.equal(personId(1));
    expect(api.requests.filter((request) => request.method === 'POST')).to.deep.equal([]);
  });

  it('reactivates a deactivated person', async () => {
    const deactivated = person(2, { status: 'deactivated', deactivatedAt: '2026-11-30T09:00:00.000Z' });
    const { api, row, mounted, $ } = await mountPeople({ 'GET /v1/admin/people': { body: { ...peoplePage(2), items: [...peoplePage(2).items, deactivated] } } });
    expect(row(2).textContent).to.contain('Deactivated Nov 30, 2026');
    row(2).querySelector<HTMLElement>('[data-action="reactivate"]')!.click();
    await waitUntil(() => api.requestsTo('POST /v1/admin/people/:id/reactivate').length === 1);
    expect(api.requestsTo('POST /v1/admin/people/:id/reactivate')[0]!.path).to.equal(`/v1/admin/people/${personId(2)}/reactivate`);
    await waitUntil(() => row(2).querySelector('[data-action="deactivate"]') !== null);
    await settled(mounted.widget);
    expect($('[part~="notice"]')!.textContent).to.equal('Kenji Sato is active again.');
  });

  it('erases one person’s data with the keyboard only: the dialog says what goes and what stays, and the name must be typed', async () => {
    const { api, $, row, focused, mounted } = await mountPeople();
    row(0).querySelector<HTMLElement>('[data-action="export"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.dataset.action).to.equal('erase');
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    const dialog = $<HTMLDialogElement>('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Erase Amina Diallo’s personal data?');
    expect(dialog.textContent).to.contain('Removed: their name, email');
    expect(dialog.textContent).to.contain('Kept, without their name: their shares, points and readers');
    expect(focused()?.id, 'focus in the name field').to.equal('confirm-name');
    await expect(mounted.widget).to.be.accessible();

    await sendKeys({ type: 'Amina' });
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    expect(api.requestsTo('POST /v1/admin/people/:id/erase'), 'nothing sent for another name').to.deep.equal([]);
    expect(focused()?.getAttribute('aria-invalid')).to.equal('true');
    expect($('#confirm-error')!.textContent).to.contain('This is not Amina Diallo.');
    await expect(mounted.widget).to.be.accessible();

    await sendKeys({ type: ' diallo' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'the dialog stays open');
    const erasures = api.requestsTo('POST /v1/admin/people/:id/erase');
    expect(erasures.map((request) => [request.path, request.body])).to.deep.equal([[`/v1/admin/people/${personId(0)}/erase`, { confirm: 'Amina diallo' }]]);
    await waitUntil(() => focused()?.localName === 'th', 'focus is not on the erased row');
    expect(focused()!.closest('[part~="row"]')!.getAttribute('data-id')).to.equal(personId(0));
    expect(row(0).textContent).to.contain('Erased person');
    expect(row(0).textContent).to.contain('Erased Dec 6, 2026');
    expect(row(0).querySelectorAll('[data-action]')).to.have.length(0);
    expect($('[part~="notice"]')!.textContent).to.equal('The personal data of Amina Diallo is erased.');
  });

  it('exports one person’s data as a JSON file download', async () => {
    const { api, row, mounted, $ } = await mountPeople();
    const downloads: { name: string; text: Promise<string> }[] = [];
    mounted.shadow.addEventListener(
      'click',
      (event) => {
        const link = event.target;
        if (!(link instanceof HTMLAnchorElement) || !link.download) return;
        event.preventDefault(); // no file written by the test browser
        downloads.push({ name: link.download, text: fetch(link.href).then((answer) => answer.text()) });
      },
      true,
    );
    row(0).querySelector<HTMLElement>('[data-action="export"]')!.click();
    await waitUntil(() => downloads.length === 1, 'nothing downloaded');
    expect(api.requestsTo('GET /v1/admin/people/:id/export')[0]!.path).to.equal(`/v1/admin/people/${personId(0)}/export`);
    expect(downloads[0]!.name).to.equal(`advocacy-person-${personId(0)}.json`);
    expect(JSON.parse(await downloads[0]!.text)).to.deep.equal(personExport(0));
    await settled(mounted.widget);
    expect($('[part~="notice"]')!.textContent).to.contain('Amina Diallo’s data is downloaded');
  });

  it('a failed deactivation stays in the dialog with an alert, and emits adv-error', async () => {
    const { $, row, mounted } = await mountPeople({ 'POST /v1/admin/people/:id/deactivate': problem(500, 'Internal Server Error', 'The database is busy.') });
    row(0).querySelector<HTMLElement>('[data-action="deactivate"]')!.click();
    await settled(mounted.widget);
    $<HTMLButtonElement>('[data-dialog="confirm"]')!.click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect($<HTMLDialogElement>('dialog')!.open).to.equal(true);
    expect($('#dialog-error')!.textContent).to.contain('The database is busy.');
    expect(row(0).textContent, 'still active').to.contain('Active');
    await expect(mounted.widget).to.be.accessible();
  });

  it('a failed export shows an alert above the table and emits adv-error', async () => {
    const { $, row, mounted } = await mountPeople({ 'GET /v1/admin/people/:id/export': problem(404, 'Not Found', 'No such person.') });
    row(1).querySelector<HTMLElement>('[data-action="export"]')!.click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect($('[part~="action-error"]')!.textContent).to.contain('No such person.');
  });

  for (const [lang, title] of [
    ['en', 'This needs the programme admin role.'],
    ['fr', 'Cette page demande le rôle d’administrateur du programme.'],
  ] as const) {
    it(`a non-admin sees the admin-role state and no admin call is made (${lang})`, async () => {
      const api = new FakeApi({ 'GET /v1/me': { body: me({ isAdmin: false }) }, 'GET /v1/admin/people': { body: peoplePage() } });
      const mounted = await mountWidget(api.client(), html`<adv-people .now=${NOW}></adv-people>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(mounted.shadow.querySelector('[part~="admin-required"]')!.textContent).to.contain(title);
      expect(api.requests.map((request) => request.path)).to.deep.equal(['/v1/me']);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('speaks French', async () => {
    const { row, $ } = await mountPeople({}, 'fr');
    expect(row(0).querySelector('[data-action="deactivate"]')!.textContent!.trim()).to.equal('Désactiver');
    expect(row(1).textContent).to.contain('Non inscrit');
    expect($('caption')!.textContent).to.contain('du 7 nov. 2026 au 6 déc. 2026');
  });
});
