// The admin widgets' foundation (AdvAdminElement): the role is known from GET /v1/me, a non-admin gets one clear
// "needs the programme admin role" state without any /v1/admin/* request, and an admin (or a secret key that the
// page's own server adds, for which /v1/me answers 403) gets the admin data.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { createResourceStore, type AdvClient, type ProgrammeSettings, type ResourceStore } from '@advocacy/sdk';
import { type AdvErrorEvent } from '@advocacy/widgets';
import { AdvAdminElement } from '@advocacy/widgets/admin';
import { FakeApi, problem, type FakeRoutes } from '../helpers/fake-api.js';
import { me } from '../helpers/fixtures/stats.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

class TestAdmin extends AdvAdminElement<ProgrammeSettings> {
  protected createAdminStore(client: AdvClient): ResourceStore<ProgrammeSettings> {
    return createResourceStore((signal) => client.admin.settings.get({ signal }));
  }
  protected adminStoreKey(): unknown {
    return null;
  }
  protected renderReady(data: ProgrammeSettings): unknown {
    return html`<p part="points">${data.pointsPerShare}</p>`;
  }
}
customElements.define('test-admin-widget', TestAdmin);

const SETTINGS: ProgrammeSettings = {
  pointsPerShare: 7,
  pointsPerClick: 1,
  sharePointsRule: 'first-reader',
  dailySharePointsCap: 5,
  creditsPerNetworkPerDay: 3,
  burstCreditsPerMinute: 30,
  reachCapPerEmployee: 5000,
  clickRetentionMonths: 13,
  avatarHosts: [],
  disclosure: { en: 'I work at Acme.' },
  allowedDomains: ['acme.example'],
};

const adminRoutes = (isAdmin: boolean): FakeRoutes => ({
  'GET /v1/me': { body: me({ isAdmin }) },
  'GET /v1/admin/settings': { body: SETTINGS },
});

const adminRequests = (api: FakeApi) => api.requests.filter((request) => request.path.startsWith('/v1/admin/'));
const aFewTasks = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('admin widgets: the programme admin role', () => {
  afterEach(unmountAll);

  for (const [lang, title, help] of [
    ['en', 'This needs the programme admin role.', 'Ask your programme admin'],
    ['fr', 'Cette page demande le rôle d’administrateur du programme.', 'Demandez à l’administrateur de votre programme'],
  ] as const) {
    it(`shows a non-admin one clear state, accessible, without any admin request (${lang})`, async () => {
      const api = new FakeApi(adminRoutes(false));
      const mounted = await mountWidget(api.client(), html`<test-admin-widget></test-admin-widget>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null, 'no admin-required state');
      await aFewTasks();
      await settled(mounted.widget);
      const state = mounted.shadow.querySelector('[part~="admin-required"]')!;
      expect(state.textContent).to.contain(title);
      expect(state.textContent).to.contain(help);
      expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(api.requestsTo('GET /v1/me')).to.have.length(1);
      expect(adminRequests(api), 'no /v1/admin/* request').to.deep.equal([]);
      expect(mounted.events.filter((event) => event.type === 'adv-error'), 'not an error').to.deep.equal([]);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('loads the admin data for an admin', async () => {
    const api = new FakeApi(adminRoutes(true));
    const mounted = await mountWidget(api.client(), html`<test-admin-widget></test-admin-widget>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[part~="points"]')!.textContent).to.equal('7');
    expect(mounted.shadow.querySelector('[part~="admin-required"]')).to.equal(null);
  });

  it('proceeds when /v1/me refuses the credential as no employee (a secret key added by the page’s server)', async () => {
    const api = new FakeApi({ ...adminRoutes(true), 'GET /v1/me': problem(403, 'Forbidden', 'Only an employee may do this.') });
    const mounted = await mountWidget(api.client(), html`<test-admin-widget></test-admin-widget>`);
    await mounted.next('adv-load');
    expect(api.requestsTo('GET /v1/admin/settings')).to.have.length(1);
  });

  it('asks /v1/me once for every admin widget on the page with the same client', async () => {
    const api = new FakeApi(adminRoutes(false));
    const client = api.client();
    const mounted = await mountWidget(client, html`<test-admin-widget></test-admin-widget><test-admin-widget></test-admin-widget>`);
    await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null);
    await aFewTasks();
    expect(api.requestsTo('GET /v1/me')).to.have.length(1);
  });

  it('waits for getToken without asking anything', async () => {
    const api = new FakeApi(adminRoutes(true));
    const mounted = await mountWidget(api.client({ getToken: undefined }), html`<test-admin-widget></test-admin-widget>`);
    await aFewTasks();
    await settled(mounted.widget);
    expect(api.requests).to.deep.equal([]);
    expect(mounted.shadow.querySelector('[part~="signing-in"]')).not.to.equal(null);
  });

  it('shows an alert and emits adv-error when /v1/me fails, then recovers on retry', async () => {
    const api = new FakeApi({ ...adminRoutes(true), 'GET /v1/me': problem(500, 'Internal Server Error') });
    const mounted = await mountWidget(api.client(), html`<test-admin-widget></test-admin-widget>`);
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[role="alert"]')).not.to.equal(null);
    expect(adminRequests(api)).to.deep.equal([]);
    await expect(mounted.widget).to.be.accessible();
    api.set(adminRoutes(true));
    mounted.shadow.querySelector<HTMLButtonElement>('button[part~="retry"]')!.click();
    await mounted.next('adv-load');
    expect(api.requestsTo('GET /v1/admin/settings')).to.have.length(1);
  });

  it('shows the admin-required state when an admin call is refused with 403 (the role taken away)', async () => {
    const api = new FakeApi({ ...adminRoutes(true), 'GET /v1/admin/settings': problem(403, 'Forbidden', 'Only an admin may do this.') });
    const mounted = await mountWidget(api.client(), html`<test-admin-widget></test-admin-widget>`);
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[part~="admin-required"]')).not.to.equal(null);
  });
});
