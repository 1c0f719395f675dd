// <adv-program-dashboard>: the base suite in English and French, the admin-role state, presets from an injected
// clock at the turn of a year, quarter and month, the previous-range deltas in words, the chart and its table, the
// team note, the CSV download (Accept: text/csv, the API's file name, the object URL revoked), and adv-error.
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type AdvClient } from '@advocacy/sdk';
import '@advocacy/widgets/define/adv-program-dashboard.js';
import type { AdvErrorEvent } from '@advocacy/widgets';
import type { AdvProgramDashboard } from '@advocacy/widgets/admin';
import { FAKE_API_URL, FakeApi, problem, type FakeRoutes } from '../helpers/fake-api.js';
import { adminStatsFromQuery, kpis, quietKpis } from '../helpers/fixtures/admin-stats.js';
import { me } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

/** Five past midnight on New Year's Day (UTC): every preset crosses a month or a year. */
const NEW_YEAR = new Date('2027-01-01T00:05:00Z');
const clock = (at: Date) => () => at;

const ADMIN: FakeRoutes = { 'GET /v1/me': { body: me({ isAdmin: true }) } };
const STATS: FakeRoutes = { 'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query) }) };

for (const locale of ['en', 'fr'] as const) {
  runBaseSuite({
    tag: `adv-program-dashboard (${locale})`,
    credential: 'token',
    template: (groupBy) => html`<adv-program-dashboard locale=${locale} group-by=${groupBy} .now=${clock(NEW_YEAR)}></adv-program-dashboard>`,
    ready: { ...ADMIN, ...STATS },
    empty: { 'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query, { kpis: quietKpis(), previousKpis: quietKpis(), rows: [] }) }) },
    failing: ['GET /v1/admin/stats'],
    key: { attribute: 'group-by', values: ['day', 'network'], seenIn: (request) => request.query.get('groupBy') === 'network' },
  });
}

/**
 * A real client over the fake API whose CSV answers come back as the API sends them: the handler's body is the
 * file's text, sent as text/csv with its Content-Disposition (the fake API itself answers JSON only).
 */
function csvClient(api: FakeApi): AdvClient {
  return createClient({
    baseUrl: FAKE_API_URL,
    getToken: () => 'fake-employee-token',
    retry: false,
    fetch: async (input, init) => {
      const answer = await api.fetch(input, init);
      if (new Headers(init?.headers).get('accept') !== 'text/csv' || !answer.ok) return answer;
      const text = (await answer.json()) as string;
      const url = new URL(String(input));
      const name = `advocacy-${url.searchParams.get('groupBy')}-${url.searchParams.get('from')}_${url.searchParams.get('to')}.csv`;
      return new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` } });
    },
  });
}

describe('<adv-program-dashboard>', () => {
  afterEach(unmountAll);

  async function mountDashboard(options: { routes?: FakeRoutes; lang?: string; now?: Date } = {}) {
    const api = new FakeApi({ ...ADMIN, ...STATS, ...options.routes });
    const now = clock(options.now ?? NEW_YEAR);
    const mounted = await mountWidget<AdvProgramDashboard>(csvClient(api), html`<adv-program-dashboard .now=${now}></adv-program-dashboard>`, { lang: options.lang ?? 'en' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const $ = <E extends Element = HTMLElement>(selector: string) => mounted.shadow.querySelector<E>(selector);
    const $$ = (selector: string) => [...mounted.shadow.querySelectorAll<HTMLElement>(selector)];
    const statsRequests = () => api.requestsTo('GET /v1/admin/stats').filter((request) => request.headers.get('accept') !== 'text/csv');
    const lastRange = () => {
      const request = statsRequests().at(-1)!;
      return { from: request.query.get('from'), to: request.query.get('to') };
    };
    const tile = (label: string) => $$('[part~="figures"] > div').find((element) => element.querySelector('dt')!.textContent!.includes(label));
    return { api, mounted, $, $$, statsRequests, lastRange, tile };
  }

  async function choosePreset(mounted: Awaited<ReturnType<typeof mountDashboard>>, preset: string) {
    mounted.$<HTMLInputElement>(`input[name="preset"][value="${preset}"]`)!.click();
    await mounted.mounted.next('adv-load');
    await settled(mounted.mounted.widget);
    return mounted.lastRange();
  }

  it('asks for the last 30 days by default, and reflects the preset, from and to as attributes', async () => {
    const dashboard = await mountDashboard();
    expect(dashboard.lastRange()).to.deep.equal({ from: '2026-12-03', to: '2027-01-01' });
    expect(dashboard.statsRequests()[0]!.query.get('groupBy')).to.equal('day');
    const widget = dashboard.mounted.widget;
    expect([widget.getAttribute('preset'), widget.getAttribute('from'), widget.getAttribute('to')]).to.deep.equal(['last-30-days', '2026-12-03', '2027-01-01']);
  });

  it('works the presets out from the injected clock on New Year’s Day, across the month and the year', async () => {
    const dashboard = await mountDashboard();
    expect(await choosePreset(dashboard, 'last-7-days')).to.deep.equal({ from: '2026-12-26', to: '2027-01-01' });
    expect(await choosePreset(dashboard, 'this-month')).to.deep.equal({ from: '2027-01-01', to: '2027-01-01' });
    expect(await choosePreset(dashboard, 'last-month')).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
    expect(await choosePreset(dashboard, 'this-quarter')).to.deep.equal({ from: '2027-01-01', to: '2027-01-01' });
    // Each preset is asked for after one with other days (the same days twice are one request).
    await choosePreset(dashboard, 'last-month');
    expect(await choosePreset(dashboard, 'this-year')).to.deep.equal({ from: '2027-01-01', to: '2027-01-01' });
    expect(dashboard.mounted.widget.getAttribute('preset')).to.equal('this-year');
    expect(dashboard.mounted.widget.getAttribute('to')).to.equal('2027-01-01');
  });

  it('works the presets out at the start of a quarter (1 April) and of a month after February (1 March)', async () => {
    const april = await mountDashboard({ now: new Date('2027-04-01T00:05:00Z') });
    expect(await choosePreset(april, 'this-quarter')).to.deep.equal({ from: '2027-04-01', to: '2027-04-01' });
    expect(await choosePreset(april, 'last-month')).to.deep.equal({ from: '2027-03-01', to: '2027-03-31' });
    unmountAll();
    const march = await mountDashboard({ now: new Date('2027-03-01T23:55:00Z') });
    expect(march.lastRange(), 'last 30 days').to.deep.equal({ from: '2027-01-31', to: '2027-03-01' });
    expect(await choosePreset(march, 'last-month')).to.deep.equal({ from: '2027-02-01', to: '2027-02-28' });
    expect(await choosePreset(march, 'this-quarter')).to.deep.equal({ from: '2027-01-01', to: '2027-03-01' });
  });

  it('asks for the days typed in, removing the preset; a reversed range is refused in words and asks nothing', async () => {
    const dashboard = await mountDashboard();
    const from = dashboard.$<HTMLInputElement>('#range-from')!;
    const to = dashboard.$<HTMLInputElement>('#range-to')!;
    from.value = '2026-12-28';
    to.value = '2026-12-20';
    dashboard.$<HTMLButtonElement>('[part~="range"] button[type="submit"]')!.click();
    await settled(dashboard.mounted.widget);
    expect(dashboard.statsRequests()).to.have.length(1);
    expect(dashboard.$('.field-error')!.textContent).to.contain('cannot come before');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    await expect(dashboard.mounted.widget).to.be.accessible();

    to.value = '2027-01-03';
    dashboard.$<HTMLButtonElement>('[part~="range"] button[type="submit"]')!.click();
    await dashboard.mounted.next('adv-load');
    await settled(dashboard.mounted.widget);
    expect(dashboard.lastRange()).to.deep.equal({ from: '2026-12-28', to: '2027-01-03' });
    expect(dashboard.mounted.widget.hasAttribute('preset')).to.equal(false);
    expect(dashboard.$('.field-error')).to.equal(null);
    expect(dashboard.$('[part~="showing"]')!.textContent).to.match(/Dec 28, 2026\s*–\s*Jan 3, 2027 \(7 days\), compared with Dec 21\s*–\s*27, 2026/);
  });

  it('says how each figure moved on the previous range in words (up, down, same; ratios in points)', async () => {
    const { tile, $ } = await mountDashboard();
    expect(tile('Credited readers')!.querySelector('.value')!.textContent).to.equal('1,200');
    expect(tile('Credited readers')!.querySelector('[part~="delta"]')!.textContent).to.equal('Up 20% on the previous range (1,000)');
    expect(tile('Shares')!.querySelector('[part~="delta"]')!.textContent).to.equal('Down 25% on the previous range (200)');
    expect(tile('Estimated reach')!.querySelector('[part~="delta"]')!.textContent).to.equal('Same as the previous range (≈\u00a048,000)');
    expect(tile('opted-in')!.querySelector('.value')!.textContent).to.equal('40%');
    expect(tile('opted-in')!.textContent).to.contain('24 of 60');
    expect(tile('opted-in')!.querySelector('[part~="delta"]')!.textContent).to.equal('Up 10 points on the previous range (30%)');
    expect(tile('all employees')!.querySelector('[part~="delta"]')!.textContent).to.equal('Up 2 points on the previous range (10%)');
    // Uncredited visits by reason, beside the previous range: shown, not hidden.
    const reasons = [...$('[part~="reasons"]')!.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(reasons).to.deep.equal(['Robots 310 250', 'Link previews 95 80', 'Repeats 140 100', 'Own clicks 22 20', 'All uncredited visits 567 450']);
    expect($('[part~="earned-media"]'), 'no earned media without the organisation’s costs').to.equal(null);
  });

  it('shows the earned-media value as an estimate with its formula, in French too', async () => {
    const earnedMedia = { value: 1200, currency: 'EUR', cpc: 0.8, cpm: 5, formula: 'creditedReaders × cpc + estimatedReach / 1000 × cpm', estimate: true as const };
    const routes: FakeRoutes = { 'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query, { kpis: kpis({ earnedMedia }) }) }) };
    const english = await mountDashboard({ routes });
    const media = english.$('[part~="earned-media"]')!.textContent!.replace(/\s+/g, ' ');
    expect(media).to.contain('Earned-media value (estimate)');
    expect(media).to.contain('€1,200.00');
    expect(media).to.contain('1,200 credited readers × €0.80 per click + 48,000 estimated reach ÷ 1,000 × €5.00 per thousand');
    unmountAll();
    const french = await mountDashboard({ routes, lang: 'fr' });
    expect(french.$('[part~="earned-media"]')!.textContent).to.contain('Valeur média gagnée (estimation)');
    expect(french.$('[part~="earned-media"]')!.textContent).to.match(/1\s200,00\s€/);
  });

  it('says how each figure is counted in a “How we count” disclosure', async () => {
    const { $, mounted } = await mountDashboard();
    const details = $<HTMLDetailsElement>('[part~="definitions"]')!;
    expect(details.querySelector('summary')!.textContent).to.equal('How we count');
    details.open = true;
    await settled(mounted.widget);
    expect(details.textContent).to.contain('Active ambassadors: employees with at least one share in the range.');
    expect(details.textContent).to.contain('link previews');
    expect(details.textContent).to.contain('Always an estimate');
    await expect(mounted.widget).to.be.accessible();
  });

  it('draws readers by day as an SVG role="img" with a summary, and shows the same days as a table with the keyboard', async () => {
    const { $, $$, mounted } = await mountDashboard();
    const chart = $('[part~="chart"] svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    const summary = mounted.shadow.getElementById(chart.getAttribute('aria-labelledby')!)!.textContent!;
    expect(summary).to.match(/^Credited readers per day, Dec 3, 2026\s*–\s*Jan 1, 2027: \d[\d,]* in all; most on Dec 5, 2026 \(90\)\.$/);
    expect(chart.querySelectorAll('rect')).to.have.length(30);
    expect(chart.querySelector('[tabindex]'), 'nothing in the chart takes focus').to.equal(null);
    await expect(mounted.widget).to.be.accessible();

    // Keyboard only: from "Show as table", Enter, then Tab reaches the table's region and then the download.
    const toggle = $<HTMLButtonElement>('[part~="view-toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Show as table');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settled(mounted.widget);
    expect($('[part~="chart"]')).to.equal(null);
    expect(mounted.shadow.activeElement, 'focus stays on the toggle').to.equal(toggle);
    expect(toggle.textContent!.trim()).to.equal('Show as chart');
    const rows = $$('[part~="table"] tbody tr');
    expect(rows).to.have.length(30);
    expect(rows[0]!.querySelector('th')!.textContent).to.equal('Dec 3, 2026');
    await sendKeys({ press: 'Tab' });
    expect((mounted.shadow.activeElement as HTMLElement).getAttribute('role')).to.equal('region');
    await sendKeys({ press: 'Tab' });
    expect((mounted.shadow.activeElement as HTMLElement).getAttribute('part')).to.equal('download');
    await expect(mounted.widget).to.be.accessible();
  });

  it('fetches each breakdown by its groupBy, as accessible tables with their names', async () => {
    const { $, $$, mounted, statsRequests } = await mountDashboard();
    const expected: Record<string, string[]> = {
      network: ['LinkedIn', 'X', 'Email'],
      team: ['Engineering', 'Sales', 'Other teams'],
      campaign: ['spring-hiring', 'No campaign'],
      content: ['We opened our Lyon office', 'Engineering blog: our on-call'],
    };
    for (const [group, labels] of Object.entries(expected)) {
      $<HTMLInputElement>(`input[name="group"][value="${group}"]`)!.click();
      await mounted.next('adv-load');
      await settled(mounted.widget);
      expect(statsRequests().at(-1)!.query.get('groupBy')).to.equal(group);
      expect($$('[part~="table"] tbody th').map((cell) => cell.textContent)).to.deep.equal(labels);
      expect($('[part~="view-toggle"]'), 'a chart only by day').to.equal(null);
      await expect(mounted.widget).to.be.accessible();
    }
    expect(mounted.widget.getAttribute('group-by')).to.equal('content');
  });

  it('explains the team breakdown: everyone in a team, teams under 5 together as “Other teams”', async () => {
    const { $, mounted } = await mountDashboard();
    $<HTMLInputElement>('input[name="group"][value="team"]')!.click();
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect($('[part~="note"]')!.textContent).to.equal(
      'Team figures count everyone in the team, opted in or not. Teams of fewer than 5 employees are counted together under “Other teams”, so no one’s activity can be read off a small team.',
    );
    const headers = [...$('[part~="table"] thead')!.querySelectorAll('th')].map((cell) => cell.textContent);
    expect(headers).to.include('Employees');
  });

  it('downloads the table as CSV through the SDK (Accept: text/csv) under the API’s file name, and revokes its URL', async () => {
    const csv = 'key,label,shares\r\nlinkedin,LinkedIn,10\r\n';
    const { api, $, mounted } = await mountDashboard({
      routes: {
        'GET /v1/admin/stats': (request) => (request.headers.get('accept') === 'text/csv' ? { body: csv } : { body: adminStatsFromQuery(request.query) }),
      },
    });
    $<HTMLInputElement>('input[name="group"][value="network"]')!.click();
    await mounted.next('adv-load');
    await settled(mounted.widget);

    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicked: { download: string; href: string }[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return createObjectURL(blob);
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revokeObjectURL(url);
    };
    const stopDownload = (event: Event) => {
      const link = event.composedPath()[0];
      if (!(link instanceof HTMLAnchorElement)) return;
      clicked.push({ download: link.download, href: link.href });
      event.preventDefault(); // no file lands on the test machine
    };
    document.addEventListener('click', stopDownload, true);
    try {
      $<HTMLButtonElement>('[part~="download"]')!.click();
      await waitUntil(() => revoked.length === 1, 'the object URL is never revoked');
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      document.removeEventListener('click', stopDownload, true);
    }
    const request = api.requestsTo('GET /v1/admin/stats').at(-1)!;
    expect(request.headers.get('accept')).to.equal('text/csv');
    expect(Object.fromEntries(request.query)).to.deep.equal({ from: '2026-12-03', to: '2027-01-01', groupBy: 'network' });
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal('advocacy-network-2026-12-03_2027-01-01.csv');
    expect(clicked[0]!.href).to.match(/^blob:/);
    expect(revoked).to.deep.equal([clicked[0]!.href]);
    expect(await created[0]!.text()).to.equal(csv);
    expect(created[0]!.type).to.equal('text/csv;charset=utf-8');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('a[download]'), 'the temporary link is gone').to.equal(null);
    expect($('[part~="notice"]')!.textContent).to.equal('advocacy-network-2026-12-03_2027-01-01.csv downloaded.');
    expect(mounted.shadow.innerHTML, 'no token in the DOM').not.to.contain('fake-employee-token');
  });

  it('emits adv-error and says so when the CSV cannot be made', async () => {
    const { $, mounted } = await mountDashboard({
      routes: { 'GET /v1/admin/stats': (request) => (request.headers.get('accept') === 'text/csv' ? problem(500, 'Internal Server Error') : { body: adminStatsFromQuery(request.query) }) },
    });
    $<HTMLButtonElement>('[part~="download"]')!.click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    expect($('[part~="breakdown"] [role="alert"]')!.textContent).to.contain('The CSV file could not be made.');
    expect($('[part~="figures"]'), 'the figures stay').not.to.equal(null);
    await expect(mounted.widget).to.be.accessible();
  });

  it('says a range with nothing in it is empty, and shows the previous range’s figures', async () => {
    const api = new FakeApi({ ...ADMIN, 'GET /v1/admin/stats': (request) => ({ body: adminStatsFromQuery(request.query, { kpis: quietKpis(), rows: [] }) }) });
    const mounted = await mountWidget<AdvProgramDashboard>(api.client(), html`<adv-program-dashboard preset="this-month" .now=${clock(NEW_YEAR)}></adv-program-dashboard>`, {
      lang: 'en',
    });
    const load = (await mounted.next('adv-load')) as Event & { detail: { empty: boolean } };
    expect(load.detail.empty).to.equal(true);
    await settled(mounted.widget);
    const empty = mounted.shadow.querySelector('[part~="empty"]')!.textContent!.replace(/\s+/g, ' ');
    expect(empty).to.contain('Nothing was shared or read over Jan 1, 2027.');
    expect(empty).to.contain('The previous range, Dec 31, 2026, had these figures:');
    expect(empty).to.contain('Credited readers');
    expect(mounted.shadow.querySelector('[part~="presets"]'), 'the range can still be changed').not.to.equal(null);
    await expect(mounted.widget).to.be.accessible();
  });

  for (const [lang, title] of [
    ['en', 'This needs the programme admin role.'],
    ['fr', 'Cette page demande le rôle d’administrateur du programme.'],
  ] as const) {
    it(`a non-admin sees the admin-role state and no admin call is made (${lang})`, async () => {
      const api = new FakeApi({ 'GET /v1/me': { body: me({ isAdmin: false }) }, ...STATS });
      const mounted = await mountWidget(api.client(), html`<adv-program-dashboard .now=${clock(NEW_YEAR)}></adv-program-dashboard>`, { lang });
      await waitUntil(() => mounted.shadow.querySelector('[part~="admin-required"]') !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(mounted.shadow.querySelector('[part~="admin-required"]')!.textContent).to.contain(title);
      expect(api.requests.filter((request) => request.path.startsWith('/v1/admin/'))).to.deep.equal([]);
      await expect(mounted.widget).to.be.accessible();
    });
  }

  it('speaks French, with French numbers and dates', async () => {
    const { $, tile } = await mountDashboard({ lang: 'fr' });
    expect($('[part~="showing"]')!.textContent).to.match(/3 déc\. 2026\s*–\s*1 janv\. 2027 \(30 jours\), comparé à/);
    expect(tile('Lecteurs crédités')!.querySelector('.value')!.textContent).to.equal('1\u202f200');
    expect(tile('Lecteurs crédités')!.querySelector('[part~="delta"]')!.textContent).to.match(/^En hausse de 20\s%/);
    expect($('[part~="view-toggle"]')!.textContent!.trim()).to.equal('Afficher en tableau');
    expect($('[part~="download"]')!.textContent!.trim()).to.equal('Télécharger en CSV');
  });
});
