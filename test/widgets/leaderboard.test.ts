import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import type { AdvErrorEvent } from '@advocacy/widgets';
import type { AdvLeaderboard } from '@advocacy/widgets';
import type { AdvOptInEvent } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi, problem, type FakeAnswer, type FakeRequest } from '../helpers/fake-api.js';
import { emptyLeaderboard, entry, leaderboard, leaderboardMeOutside, leaderboardNotOptedIn, weekLeaderboard } from '../helpers/fixtures/leaderboard.js';
import { me } from '../helpers/fixtures/stats.js';
import { XSS_TEXT_PAYLOADS, XSS_URL_PAYLOADS, xssRan } from '../helpers/xss-payloads.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const byPeriod = (request: FakeRequest): FakeAnswer =>
  ({ body: request.query.get('period') === 'week' ? weekLeaderboard() : leaderboard() });

runBaseSuite({
  tag: 'adv-leaderboard',
  credential: 'token',
  template: (period) => html`<adv-leaderboard period=${period}></adv-leaderboard>`,
  ready: { 'GET /v1/leaderboard': byPeriod },
  empty: { 'GET /v1/leaderboard': { body: emptyLeaderboard() } },
  failing: ['GET /v1/leaderboard'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.query.get('period') === 'week' },
});

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(api: FakeApi, template = html`<adv-leaderboard></adv-leaderboard>`, lang?: string): Promise<Mounted<AdvLeaderboard>> {
  const mounted = await mountWidget<AdvLeaderboard>(api.client(), template, lang ? { lang } : {});
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

describe('<adv-leaderboard>', () => {
  afterEach(unmountAll);

  it('is a table named by its caption, with column headers and one row per ambassador', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard() } });
    const { shadow } = await ready(api);
    const table = shadow.querySelector('table')!;
    expect(text(table.caption)).to.equal('Leaderboard · This month');
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    expect(headers.map(text)).to.deep.equal(['Rank', 'Ambassador', 'Points', 'Shares', 'Readers']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(5);
    expect(rows[0]!.querySelector('th[scope="row"]')!.textContent).to.contain('Amina Diallo');
    expect(text(rows[0]!.querySelector('.points'))).to.equal('1,280');
    expect(api.requestsTo('GET /v1/leaderboard')[0]!.query.get('period')).to.equal('month');
  });

  it('follows the width of its own slot, not the viewport: under 30rem, shares and readers make way', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard() } });
    const { widget, shadow } = await ready(api, html`<adv-leaderboard style="width: 20rem"></adv-leaderboard>`);
    expect(window.innerWidth).to.be.above(40 * 16);
    const shownColumns = () => [...shadow.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').map(text);
    await waitUntil(() => shownColumns().length === 3, 'the shares and readers columns are still shown at 20rem');
    expect(shownColumns()).to.deep.equal(['Rank', 'Ambassador', 'Points']);
    await expect(widget).to.be.accessible();
    // Back and forth: each change re-renders outside the ResizeObserver callback, so the browser reports no observer loop (mocha fails on that window error).
    for (let round = 0; round < 4; round += 1) {
      widget.style.width = '40rem';
      await waitUntil(() => shownColumns().length === 5, 'the shares and readers columns are not back at 40rem');
      widget.style.width = '20rem';
      await waitUntil(() => shownColumns().length === 3, 'the shares and readers columns are still shown at 20rem');
    }
  });

  it('gives tied ambassadors the same rank and says so', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard() } });
    const { shadow } = await ready(api);
    const ranks = [...shadow.querySelectorAll('tbody td.rank')].map(text);
    expect(ranks).to.deep.equal(['1', '2 (tied)', '2 (tied)', '4', '5']);
  });

  it('highlights the caller with aria-current and "(you)", not by colour alone', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard() } });
    const { shadow } = await ready(api);
    const current = shadow.querySelectorAll('tr[aria-current="true"]');
    expect(current).to.have.length(1);
    expect(text(current[0]!.querySelector('th'))).to.contain('Sam Taylor (you)');
    expect(shadow.querySelector('tfoot')).to.equal(null);
  });

  it('shows the caller under the list when they rank outside the shown top', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } });
    const { shadow, widget } = await ready(api);
    expect(shadow.querySelectorAll('tbody tr[aria-current]')).to.have.length(0);
    const mine = shadow.querySelector('tfoot tr[aria-current="true"]')!;
    expect(text(mine.querySelector('.rank'))).to.equal('42');
    expect(text(mine)).to.contain('Your rank (you)');
    expect(text(mine)).to.contain('120');
    await expect(widget).to.be.accessible();
  });

  it('joins in one click: PATCH /v1/me { leaderboardOptIn: true }, then loads the leaderboard again', async () => {
    const api = new FakeApi({
      'GET /v1/leaderboard': { body: leaderboardNotOptedIn() },
      'PATCH /v1/me': (request) => {
        api.set({ 'GET /v1/leaderboard': { body: leaderboard() } });
        return { body: me({ leaderboardOptIn: (request.body as { leaderboardOptIn: boolean }).leaderboardOptIn }) };
      },
    });
    const mounted = await ready(api);
    const card = mounted.shadow.querySelector('[part~="opt-in"]')!;
    expect(text(card)).to.contain('Colleagues would see your display name');
    await expect(mounted.widget).to.be.accessible();
    card.querySelector<HTMLButtonElement>('[part~="opt-in-button"]')!.click();
    const optIn = (await mounted.next('adv-opt-in')) as AdvOptInEvent;
    expect(optIn.detail.optedIn).to.equal(true);
    expect(api.requestsTo('PATCH /v1/me').map((request) => request.body)).to.deep.equal([{ leaderboardOptIn: true }]);
    await waitUntil(() => mounted.shadow.querySelector('[part~="leave-button"]'), 'no leave button after joining');
    expect(api.requestsTo('GET /v1/leaderboard')).to.have.length(2);
    expect(mounted.shadow.querySelector('[part~="opt-in"]')).to.equal(null);
    expect(mounted.shadow.activeElement).to.equal(mounted.shadow.querySelector('[part~="leave-button"]'));
    expect(text(mounted.shadow.querySelector('[role="status"]'))).to.equal('You are on the leaderboard.');
  });

  it('leaves in one click too', async () => {
    const api = new FakeApi({
      'GET /v1/leaderboard': { body: leaderboard() },
      'PATCH /v1/me': () => {
        api.set({ 'GET /v1/leaderboard': { body: leaderboardNotOptedIn() } });
        return { body: me({ leaderboardOptIn: false }) };
      },
    });
    const mounted = await ready(api);
    mounted.shadow.querySelector<HTMLButtonElement>('[part~="leave-button"]')!.click();
    expect(((await mounted.next('adv-opt-in')) as AdvOptInEvent).detail.optedIn).to.equal(false);
    expect(api.requestsTo('PATCH /v1/me').map((request) => request.body)).to.deep.equal([{ leaderboardOptIn: false }]);
    await waitUntil(() => mounted.shadow.querySelector('[part~="opt-in-button"]'), 'no invitation after leaving');
    expect(api.requestsTo('GET /v1/leaderboard')).to.have.length(2);
  });

  it('shows an inline alert, with the API’s detail, and emits adv-error when joining fails', async () => {
    const detail = 'Profiles are read-only during the migration; try again after 18:00.';
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboardNotOptedIn() }, 'PATCH /v1/me': problem(503, 'Unavailable', detail) });
    const mounted = await ready(api);
    mounted.shadow.querySelector<HTMLButtonElement>('[part~="opt-in-button"]')!.click();
    const error = (await mounted.next('adv-error')) as AdvErrorEvent;
    expect(error.detail.error.name).to.equal('AdvHttpError');
    await settled(mounted.widget);
    const alert = mounted.shadow.querySelector('.opt [role="alert"]');
    expect(text(alert)).to.contain('Your choice could not be saved. Please try again.');
    expect(text(alert)).to.contain(detail);
    expect(mounted.shadow.querySelector('[part~="opt-in-button"]'), 'the invitation stays').not.to.equal(null);
    expect(mounted.shadow.querySelector('table'), 'the rows stay').not.to.equal(null);
    await expect(mounted.widget).to.be.accessible();
  });

  it('renders hostile names and teams as text, and no image for unsafe avatar URLs (initials instead)', async () => {
    const items = [
      ...XSS_TEXT_PAYLOADS.map((payload, index) => entry(index + 1, payload, { team: payload })),
      ...XSS_URL_PAYLOADS.map((url, index) => entry(100 + index, `Zoé Ünal-${index}`, { avatarUrl: url })),
    ];
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard({ items, team: XSS_TEXT_PAYLOADS[1]! }) } });
    const { shadow } = await ready(api);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(xssRan()).to.equal(false);
    const rows = [...shadow.querySelectorAll('tbody tr')];
    XSS_TEXT_PAYLOADS.forEach((payload, index) => {
      expect(rows[index]!.querySelector('.name')!.textContent).to.contain(payload);
      expect(rows[index]!.querySelector('.team')!.textContent).to.equal(payload);
    });
    expect(shadow.querySelector('caption')!.textContent).to.contain(XSS_TEXT_PAYLOADS[1]);
    expect(shadow.querySelectorAll('script, iframe, svg, style:not([data-lit]), a, details')).to.have.length(0);
    const urlRows = rows.slice(XSS_TEXT_PAYLOADS.length);
    for (const row of urlRows) {
      expect(row.querySelector('img'), 'no image for an unsafe URL').to.equal(null);
      expect(text(row.querySelector('[part~="avatar"]'))).to.equal('ZÜ');
    }
    const safe = rows[0]!.querySelector('img')!;
    expect(safe.getAttribute('src')).to.equal('https://cdn.example.test/avatars/1.png');
    expect(safe.getAttribute('loading')).to.equal('lazy');
    expect([safe.getAttribute('width'), safe.getAttribute('height')]).to.deep.equal(['32', '32']);
  });

  it('uses initials when there is no avatar', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard() } });
    const { shadow } = await ready(api);
    const lucas = shadow.querySelectorAll('tbody tr')[1]!;
    expect(lucas.querySelector('img')).to.equal(null);
    expect(text(lucas.querySelector('[part~="avatar"]'))).to.equal('LM');
  });

  it('speaks French: labels and grouped numbers', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboardMeOutside() } });
    const { shadow } = await ready(api, html`<adv-leaderboard></adv-leaderboard>`, 'fr');
    expect(text(shadow.querySelector('caption'))).to.equal('Classement · Ce mois-ci');
    expect(text(shadow.querySelector('tfoot'))).to.contain('Votre rang (vous)');
    expect(shadow.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('Période');
    expect(text(shadow.querySelectorAll('tbody .points')[0]!)).to.equal('1 280');
    unmountAll();
    const big = new FakeApi({ 'GET /v1/leaderboard': { body: leaderboard({ items: [entry(1, 'Ana', { points: 2_450_000, shares: 99_999, clicks: 123_456 })] }) } });
    const cells = [...(await ready(big, html`<adv-leaderboard></adv-leaderboard>`, 'fr')).shadow.querySelectorAll('tbody td.num')].map(text);
    expect(cells).to.deep.equal(['2,5 M', '99 999', '123,5 k']);
  });

  it('switches period from the switcher: reflects `period`, fetches the week, keeps the old rows while loading', async () => {
    let answerWeek: (answer: FakeAnswer) => void = () => undefined;
    const api = new FakeApi({
      'GET /v1/leaderboard': (request) =>
        request.query.get('period') === 'week' ? new Promise<FakeAnswer>((resolve) => (answerWeek = resolve)) : { body: leaderboard() },
    });
    const mounted = await ready(api);
    const week = mounted.shadow.querySelector<HTMLButtonElement>('[data-period="week"]')!;
    expect(week.getAttribute('aria-checked')).to.equal('false');
    week.click();
    await waitUntil(() => api.requestsTo('GET /v1/leaderboard').some((request) => request.query.get('period') === 'week'), 'no week request');
    await settled(mounted.widget);
    expect(mounted.widget.getAttribute('period')).to.equal('week');
    expect(week.getAttribute('aria-checked')).to.equal('true');
    expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(mounted.shadow.querySelector('tbody'))).to.contain('Amina Diallo');
    answerWeek({ body: weekLeaderboard() });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(text(mounted.shadow.querySelector('tbody'))).to.contain('Priya Shah');
    expect(text(mounted.shadow.querySelector('caption'))).to.equal('Leaderboard · This week');
  });

  it('keeps the switcher above the error when another period fails, so one can pick again', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': (request) => (request.query.get('period') === 'week' ? problem(503) : { body: leaderboard() }) });
    const mounted = await ready(api);
    mounted.shadow.querySelector<HTMLButtonElement>('[data-period="week"]')!.click();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('[part~="error"][role="alert"]')).not.to.equal(null);
    expect(mounted.shadow.activeElement).to.equal(mounted.shadow.querySelector('[data-period="week"]'));
    await expect(mounted.widget).to.be.accessible();
    mounted.shadow.querySelector<HTMLButtonElement>('[data-period="month"]')!.click();
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(text(mounted.shadow.querySelector('tbody'))).to.contain('Amina Diallo');
  });

  it('fetches again when team or limit change, and names the team', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': (request) => ({ body: leaderboard({ team: request.query.get('team') }) }) });
    const mounted = await ready(api, html`<adv-leaderboard limit="5"></adv-leaderboard>`);
    expect(api.requests[0]!.query.get('limit')).to.equal('5');
    mounted.widget.setAttribute('team', 'Sales');
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(api.requests[1]!.query.get('team')).to.equal('Sales');
    expect(text(mounted.shadow.querySelector('caption'))).to.equal('Leaderboard · Sales · This month');
    mounted.widget.setAttribute('limit', '20');
    await mounted.next('adv-load');
    expect(api.requests[2]!.query.get('limit')).to.equal('20');
    expect(api.requests[2]!.query.get('team')).to.equal('Sales');
  });

  it('keeps the switcher and the invitation in the empty state', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: emptyLeaderboard() } });
    const mounted = await ready(api);
    expect(text(mounted.shadow.querySelector('[part~="empty"]'))).to.contain('Nobody has points');
    expect(mounted.shadow.querySelector('[role="radiogroup"]')).not.to.equal(null);
    expect(mounted.shadow.querySelector('[part~="opt-in-button"]')).not.to.equal(null);
  });
});
