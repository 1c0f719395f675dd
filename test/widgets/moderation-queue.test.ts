// <adv-moderation-queue>: the base suite in English and French, the admin-role state, and the moderator's flows
// with the keyboard only (approve, reject with a reason, bulk approve), withdrawn items, and the audit trail.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-moderation-queue.js';
import type { AdvErrorEvent } from '@advocacy/widgets';
import type { AdvModerationQueue } from '@advocacy/widgets/admin';
import { FakeApi, problem, type FakeRoutes } from '../helpers/fake-api.js';
import { auditTrail, moderationItem, moderationPage } from '../helpers/fixtures/moderation.js';
import { me } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const ADMIN: FakeRoutes = { 'GET /v1/me': { body: me({ isAdmin: true }) } };
const statusOf = (query: URLSearchParams) => (query.get('status') ?? 'pending') as 'pending';

for (const locale of ['en', 'fr'] as const) {
  runBaseSuite({
    tag: `adv-moderation-queue (${locale})`,
    credential: 'token',
    template: (status) => html`<adv-moderation-queue locale=${locale} status=${status}></adv-moderation-queue>`,
    ready: { ...ADMIN, 'GET /v1/admin/testimonials': (request) => ({ body: moderationPage(3, statusOf(request.query)) }) },
    empty: { 'GET /v1/admin/testimonials': { body: { items: [], nextCursor: null } } },
    failing: ['GET /v1/admin/testimonials'],
    key: { attribute: 'status', values: ['pending', 'withdrawn'], seenIn: (request) => request.query.get('status') === 'withdrawn' },
  });
}

describe('<adv-moderation-queue>', () => {
  afterEach(unmountAll);

  async function mountQueue(routes: FakeRoutes = {}, lang = 'en') {
    let pending = moderationPage(3).items;
    const api = new FakeApi({
      ...ADMIN,
      'GET /v1/admin/testimonials': (request) => ({ body: statusOf(request.query) === 'pending' ? { items: pending, nextCursor: null } : moderationPage(2, statusOf(request.query)) }),
      'POST /v1/admin/testimonials/:id/approve': (request) => {
        const id = request.path.split('/')[4]!;
        const item = pending.find((candidate) => candidate.id === id)!;
        pending = pending.filter((candidate) => candidate.id !== id);
        return { body: { ...item, status: 'approved', moderatedAt: '2026-12-06T10:00:00.000Z', author: undefined } };
      },
      'POST /v1/admin/testimonials/:id/reject': (request) => {
        const id = request.path.split('/')[4]!;
        const item = pending.find((candidate) => candidate.id === id)!;
        pending = pending.filter((candidate) => candidate.id !== id);
        return { body: { ...item, status: 'rejected', rejectionReason: (request.body as { reason: string }).reason, moderatedAt: '2026-12-06T10:00:00.000Z' } };
      },
      'POST /v1/admin/testimonials/approve': (request) => {
        const ids = (request.body as { ids: string[] }).ids;
        const items = ids.map((id) => ({ id, outcome: pending.some((item) => item.id === id) ? 'approved' : 'withdrawn', testimonial: null }));
        pending = pending.filter((item) => !ids.includes(item.id));
        return { body: { items } };
      },
      'GET /v1/admin/testimonials/:id/audit': { body: auditTrail() },
      ...routes,
    });
    const mounted = await mountWidget<AdvModerationQueue>(api.client(), html`<adv-moderation-queue></adv-moderation-queue>`, { lang });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const $ = <E extends Element = HTMLElement>(selector: string) => mounted.shadow.querySelector<E>(selector);
    const $$ = (selector: string) => [...mounted.shadow.querySelectorAll<HTMLElement>(selector)];
    const focused = () => mounted.shadow.activeElement as HTMLElement | null;
    return { api, mounted, $, $$, focused };
  }

  it('lists pending testimonials with the author, the consent version and the time it was given', async () => {
    const { $$ } = await mountQueue();
    const items = $$('[part~="item"]');
    expect(items).to.have.length(3);
    expect(items[0]!.textContent).to.contain('Amina Diallo');
    expect(items[0]!.textContent).to.contain('Consent 2026-11 given');
    expect(items[0]!.textContent).to.match(/Dec 1, 2026/);
  });

  for (const [lang, said] of [
    ['en', 'submitted as Mimi'],
    ['fr', 'envoyé sous le nom Mimi'],
  ] as const) {
    it(`shows who really wrote a testimonial published under a name they chose, and that name (${lang})`, async () => {
      const chosen = moderationItem(0, 'pending', { authorName: 'Mimi' });
      const { $$, mounted } = await mountQueue({ 'GET /v1/admin/testimonials': { body: { items: [chosen, moderationItem(1)], nextCursor: null } } }, lang);
      const [first, second] = $$('[part~="item"]');
      expect(first!.querySelector('.author')!.textContent).to.equal('Amina Diallo');
      expect(first!.textContent).to.contain(said);
      expect(second!.querySelector('.author')!.textContent).to.equal('Jonas Weber');
      expect(second!.textContent).not.to.contain(said.replace('Mimi', ''));
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('approves with the keyboard only: Tab to Approve, Enter; says so in the live region and moves focus to the next', async () => {
    const { api, $, $$, focused, mounted } = await mountQueue();
    const firstSelect = $$('[part~="item"]')[0]!.querySelector<HTMLElement>('[part~="select"]')!;
    firstSelect.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('approve');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.requestsTo('POST /v1/admin/testimonials/:id/approve').length === 1, 'no approve request');
    await waitUntil(() => $$('[part~="item"]').length === 2, 'the approved one stays listed');
    await settled(mounted.widget);
    expect($('[part~="notice"]')!.textContent).to.contain('The testimonial by Amina Diallo is approved.');
    expect(focused()?.getAttribute('part'), 'focus on the next testimonial’s first control').to.equal('select');
    expect(focused()!.closest('[part~="item"]')!.textContent).to.contain('Jonas Weber');
  });

  it('rejects with the keyboard only, and requires a reason the author will see', async () => {
    const { api, $, $$, focused, mounted } = await mountQueue();
    $$('[part~="item"]')[0]!.querySelector<HTMLElement>('[part~="approve"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('reject');
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    expect(focused()?.localName, 'focus in the reason field').to.equal('textarea');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "Reject with this reason" with no reason
    await settled(mounted.widget);
    expect(api.requestsTo('POST /v1/admin/testimonials/:id/reject')).to.deep.equal([]);
    expect(focused()?.getAttribute('aria-invalid')).to.equal('true');
    expect($('.field-error')!.textContent).to.contain('Say why');
    await expect(mounted.widget).to.be.accessible();
    await sendKeys({ type: 'Please leave out the client name.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.requestsTo('POST /v1/admin/testimonials/:id/reject').length === 1, 'no reject request');
    expect(api.requestsTo('POST /v1/admin/testimonials/:id/reject')[0]!.body).to.deep.equal({ reason: 'Please leave out the client name.' });
    await waitUntil(() => $$('[part~="item"]').length === 2);
    await settled(mounted.widget);
    expect($('[part~="notice"]')!.textContent).to.contain('rejected; its author sees the reason');
  });

  it('cancelling a rejection puts focus back on its Reject button', async () => {
    const { $$, focused, mounted } = await mountQueue();
    $$('[part~="reject"]')[1]!.click();
    await settled(mounted.widget);
    $$('[part~="reject-cancel"]')[0]!.click();
    await settled(mounted.widget);
    await waitUntil(() => focused()?.getAttribute('part') === 'reject');
    expect(focused()!.closest('[part~="item"]')!.textContent).to.contain('Jonas Weber');
  });

  it('approves the selected testimonials in one request, and says how many', async () => {
    const { api, $, $$, mounted } = await mountQueue();
    const approveSelected = $<HTMLButtonElement>('[part~="approve-selected"]')!;
    expect(approveSelected.disabled, 'nothing selected yet').to.equal(true);
    $$('[part~="select"]')[0]!.click();
    $$('[part~="select"]')[2]!.click();
    await settled(mounted.widget);
    expect(approveSelected.textContent).to.contain('(2)');
    approveSelected.click();
    await waitUntil(() => api.requestsTo('POST /v1/admin/testimonials/approve').length === 1);
    expect(api.requestsTo('POST /v1/admin/testimonials/approve')[0]!.body).to.deep.equal({ ids: [moderationItem(0).id, moderationItem(2).id] });
    await waitUntil(() => $$('[part~="item"]').length === 1);
    await settled(mounted.widget);
    expect($('[part~="notice"]')!.textContent).to.contain('2 testimonials approved.');
  });

  it('shows withdrawn testimonials as withdrawn, with no approve action', async () => {
    const { $, $$, mounted } = await mountQueue();
    $<HTMLInputElement>('input[type="radio"][value="withdrawn"]')!.click();
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect($$('[part~="item"]')).to.have.length(2);
    expect($$('[part~="withdrawn"]')).to.have.length(2);
    expect($$('[part~="approve"], [part~="select"], [part~="approve-selected"]')).to.deep.equal([]);
    await expect(mounted.widget).to.be.accessible();
  });

  it('opens the audit trail of a testimonial with names, not ids', async () => {
    const { api, $$, mounted } = await mountQueue();
    const summary = $$('[part~="audit"] summary')[0]!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.requestsTo('GET /v1/admin/testimonials/:id/audit').length === 1);
    await waitUntil(() => $$('.audit-list li').length === 2);
    await settled(mounted.widget);
    expect($$('.audit-list li')[1]!.textContent).to.contain('Jonas Weber rejected it');
    expect($$('.audit-list li')[1]!.textContent).to.contain('Too long');
    await expect(mounted.widget).to.be.accessible();
  });

  it('an action that fails shows an alert and emits adv-error', async () => {
    const { $$, $, mounted } = await mountQueue({ 'POST /v1/admin/testimonials/:id/approve': problem(409, 'Conflict', 'It was withdrawn meanwhile.') });
    $$('[part~="approve"]')[0]!.click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect($('[part~="action-error"]')!.textContent).to.contain('It was withdrawn meanwhile.');
    expect($$('[part~="item"]'), 'nothing removed').to.have.length(3);
  });

  for (const [lang, title] of [
    ['en', 'This needs the programme admin role.'],
    ['fr', 'Cette page demande le rôle d’administrateur du programme.'],
  ] as const) {
    it(`a non-admin sees the admin-role state and the queue is never asked for (${lang})`, async () => {
      const api = new FakeApi({ 'GET /v1/me': { body: me({ isAdmin: false }) }, 'GET /v1/admin/testimonials': { body: moderationPage() } });
      const mounted = await mountWidget(api.client(), html`<adv-moderation-queue></adv-moderation-queue>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(mounted.shadow.querySelector('[part~="admin-required"]')!.textContent).to.contain(title);
      expect(api.requests.filter((request) => request.path.startsWith('/v1/admin/'))).to.deep.equal([]);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('speaks French', async () => {
    const { $$ } = await mountQueue({}, 'fr');
    expect($$('[part~="approve"]')[0]!.textContent!.trim()).to.equal('Approuver');
    expect($$('[part~="item"]')[0]!.textContent).to.contain('Consentement 2026-11 donné le');
  });
});
