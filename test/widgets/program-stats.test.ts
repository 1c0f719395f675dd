import { html } from 'lit';
import { expect } from '@open-wc/testing';
import type { AdvLoadEvent, AdvProgramStats } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-program-stats.js';
import { FakeApi, type FakeRequest } from '../helpers/fake-api.js';
import { bigStats, emptyStats, justStartedStats, previousStats, publicStats, readersOnlyStats, stats } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const periodOf = (request: FakeRequest) => (request.query.get('period') ?? 'month') as 'month';

runBaseSuite({
  tag: 'adv-program-stats',
  credential: 'token',
  template: (period) => html`<adv-program-stats period=${period}></adv-program-stats>`,
  ready: { 'GET /v1/stats': (request) => ({ body: stats({ period: periodOf(request) }) }) },
  empty: { 'GET /v1/stats': { body: emptyStats() } },
  failing: ['GET /v1/stats'],
  key: { attribute: 'period', values: ['month', 'quarter'], seenIn: (request) => request.query.get('period') === 'quarter' },
});

runBaseSuite({
  tag: 'adv-program-stats public',
  credential: 'key',
  template: (period) => html`<adv-program-stats public period=${period}></adv-program-stats>`,
  ready: { 'GET /v1/stats/public': (request) => ({ body: publicStats({ period: periodOf(request) }) }) },
  empty: { 'GET /v1/stats/public': { body: publicStats({ shares: 0, creditedClicks: 0, activeAmbassadors: 0, estimatedReach: 0 }) } },
  failing: ['GET /v1/stats/public'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.query.get('period') === 'week' },
});

// The empty state of a month on its first day, beside an active October: still empty, still accessible.
runBaseSuite({
  tag: 'adv-program-stats just started',
  credential: 'token',
  template: (period) => html`<adv-program-stats period=${period}></adv-program-stats>`,
  ready: { 'GET /v1/stats': (request) => ({ body: stats({ period: periodOf(request) }) }) },
  empty: { 'GET /v1/stats': { body: justStartedStats() } },
  failing: ['GET /v1/stats'],
  key: { attribute: 'period', values: ['month', 'quarter'], seenIn: (request) => request.query.get('period') === 'quarter' },
});

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(api: FakeApi, template = html`<adv-program-stats></adv-program-stats>`, lang?: string): Promise<Mounted<AdvProgramStats>> {
  const mounted = await mountWidget<AdvProgramStats>(api.client(), template, lang ? { lang } : {});
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

function figures(shadow: ShadowRoot): Record<string, string> {
  return Object.fromEntries([...shadow.querySelectorAll('dl > div')].map((tile) => [text(tile.querySelector('dt')), text(tile.querySelector('dd'))]));
}

describe('<adv-program-stats>', () => {
  afterEach(unmountAll);

  it('leads with the estimated reach, then figure tiles, and explains the estimate', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: stats() } });
    const { shadow, widget } = await ready(api);
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Together we reached an estimated 120,000 people this month.');
    expect(figures(shadow)).to.deep.equal({ 'Estimated reach': '≈ 120K', Readers: '8.6K', Shares: '1.2K', 'Active ambassadors': '87' });
    const reach = shadow.querySelector('.estimate dd')!;
    expect(text(shadow.getElementById(reach.getAttribute('aria-describedby')!))).to.contain('We add up the followers each person who shared declared');
    await expect(widget).to.be.accessible();
  });

  it('draws readers by network as SVG bars in proportion, with the figures in a table', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: stats() } });
    const { shadow } = await ready(api);
    const table = shadow.querySelector<HTMLTableElement>('table[part~="networks"]')!;
    expect(text(table.caption)).to.equal('By network');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => text(row.querySelector('th[scope="row"]')))).to.deep.equal(['LinkedIn', 'X', 'Email']);
    expect(rows.map((row) => text(row.querySelector('.bar-cell')))).to.deep.equal(['6,000', '1,500', '1,100']);
    expect(rows.map((row) => text(row.querySelector('td:last-child')))).to.deep.equal(['800', '300', '140']);
    const widths = rows.map((row) => Number(row.querySelector('svg[part~="bar"] rect')!.getAttribute('width')));
    expect(widths[0]).to.equal(100);
    expect(widths[1]).to.be.closeTo(25, 0.01);
    expect(widths[2]).to.be.closeTo((100 * 1100) / 6000, 0.01);
    for (const bar of shadow.querySelectorAll('svg')) expect(bar.getAttribute('aria-hidden')).to.equal('true');
  });

  it('shows readers by day as a sparkline with its busiest day in words', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: stats() } });
    const { shadow } = await ready(api);
    const trend = shadow.querySelector('[part~="trend"]')!;
    expect(text(trend)).to.equal('Readers per day, busiest on November 4 (400)');
    const points = trend.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).to.have.length(7);
    expect(points[3]).to.equal('3,0.00'); // the peak touches the top
  });

  it('speaks French with French numbers', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: stats() } });
    const { shadow } = await ready(api, undefined, 'fr');
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Ensemble, nous avons touché environ 120 000 personnes ce mois-ci.');
    expect(figures(shadow)).to.deep.equal({ 'Portée estimée': '≈ 120 k', Lecteurs: '8,6 k', Partages: '1,2 k', 'Ambassadeurs actifs': '87' });
    expect(text(shadow.querySelector('tbody tr:last-child th'))).to.equal('E-mail');
    expect(text(shadow.querySelector('.bar-cell'))).to.equal('6 000');
    expect(text(shadow.querySelector('[part~="trend"]'))).to.equal('Lecteurs par jour, pic le 4 novembre (400)');
  });

  it('keeps huge figures short, in French too', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: bigStats() } });
    const { shadow } = await ready(api, undefined, 'fr');
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Ensemble, nous avons touché environ 2 345 678 901 personnes ce mois-ci.');
    expect(figures(shadow)['Portée estimée']).to.equal('≈ 2,3 Md');
    expect([...shadow.querySelectorAll('tbody tr')].map((row) => [text(row.querySelector('.bar-cell')), text(row.querySelector('td:last-child'))])).to.deep.equal([
      ['700 M', '9 M'],
      ['287,7 M', '3 M'],
    ]);
  });

  it('public: reads /v1/stats/public and shows the headline without the chart', async () => {
    const api = new FakeApi({ 'GET /v1/stats/public': { body: publicStats({ period: 'quarter', estimatedReach: 45_000 }) } });
    const { shadow, widget } = await ready(api, html`<adv-program-stats public period="quarter"></adv-program-stats>`);
    expect(api.requestsTo('GET /v1/stats')).to.have.length(0);
    expect(api.requestsTo('GET /v1/stats/public')[0]!.query.get('period')).to.equal('quarter');
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Together we reached an estimated 45,000 people this quarter.');
    expect(shadow.querySelector('table')).to.equal(null);
    expect(shadow.querySelector('svg')).to.equal(null);
    await expect(widget).to.be.accessible();
  });

  it('switching `public` on fetches the public figures', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: stats() }, 'GET /v1/stats/public': { body: publicStats() } });
    const mounted = await ready(api);
    mounted.widget.public = true;
    await mounted.next('adv-load');
    expect(api.requestsTo('GET /v1/stats/public')).to.have.length(1);
  });

  it('has an empty state when nobody shared', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: emptyStats() } });
    const { shadow } = await ready(api);
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('No shares yet for this period. The first one will show up here!');
  });

  const loaded = (events: Event[]) => (events.find((event) => event.type === 'adv-load') as AdvLoadEvent).detail;

  it('shows the readers of a period with no new share, headed by readers rather than "0 people"', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: readersOnlyStats() } });
    const { shadow, widget, events } = await ready(api);
    expect(loaded(events).empty).to.equal(false);
    expect(shadow.querySelector('[part~="empty"]')).to.equal(null);
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Our shares brought 51 readers this month.');
    expect(figures(shadow)).to.deep.equal({ 'Estimated reach': '0', Readers: '51', Shares: '0', 'Active ambassadors': '0' });
    expect([...shadow.querySelectorAll('tbody tr')].map((row) => text(row.querySelector('.bar-cell')))).to.deep.equal(['44', '7']);
    await expect(widget).to.be.accessible();
  });

  it('public: one reader and no share, in French', async () => {
    const api = new FakeApi({ 'GET /v1/stats/public': { body: publicStats({ shares: 0, creditedClicks: 1, activeAmbassadors: 0, estimatedReach: 0 }) } });
    const { shadow, widget, events } = await ready(api, html`<adv-program-stats public></adv-program-stats>`, 'fr');
    expect(loaded(events).empty).to.equal(false);
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Nos partages ont attiré 1 lecteur ce mois-ci.');
    await expect(widget).to.be.accessible();
  });

  it('says the month has just started on its first day, with last month\'s reach beside it', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: justStartedStats() } });
    const { shadow, widget, events } = await ready(api);
    expect(loaded(events).empty).to.equal(true);
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('This month has just started. Last month: ≈ 2,684 people reached (estimate)');
    expect(shadow.querySelector('[part~="figures"]')).to.equal(null);
    await expect(widget).to.be.accessible();
  });

  it('says so in French, with French numbers', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: justStartedStats() } });
    const { shadow, widget } = await ready(api, undefined, 'fr');
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('Ce mois-ci vient de commencer. Le mois dernier : ≈ 2 684 personnes touchées (estimation)');
    await expect(widget).to.be.accessible();
  });

  it('has the week and quarter phrasings, and says readers when last period reached nobody', async () => {
    const week = publicStats({
      period: 'week',
      periodStart: '2026-11-23',
      periodEnd: '2026-11-23',
      shares: 0,
      creditedClicks: 0,
      activeAmbassadors: 0,
      estimatedReach: 0,
      previous: previousStats({ periodStart: '2026-11-16', periodEnd: '2026-11-22', shares: 1, creditedClicks: 1, activeAmbassadors: 1, estimatedReach: 0 }),
    });
    const api = new FakeApi({ 'GET /v1/stats/public': { body: week } });
    const english = await ready(api, html`<adv-program-stats public period="week"></adv-program-stats>`);
    expect(text(english.shadow.querySelector('[part~="empty"]'))).to.equal('This week has just started. Last week: 1 reader');
    unmountAll();

    const quarter = justStartedStats({
      period: 'quarter',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-01',
      previous: previousStats({ periodStart: '2026-07-01', periodEnd: '2026-09-30', estimatedReach: 1 }),
    });
    api.set({ 'GET /v1/stats': { body: quarter } });
    const french = await ready(api, html`<adv-program-stats period="quarter"></adv-program-stats>`, 'fr');
    expect(text(french.shadow.querySelector('[part~="empty"]'))).to.equal('Ce trimestre vient de commencer. Le trimestre dernier : ≈ 1 personne touchée (estimation)');
    await expect(french.widget).to.be.accessible();
  });

  it('says nothing is shared yet later in an empty month, beside an active last month', async () => {
    const api = new FakeApi({ 'GET /v1/stats': { body: emptyStats('month', { periodEnd: '2026-11-25', previous: previousStats() }) } });
    const { shadow, events } = await ready(api);
    expect(loaded(events).empty).to.equal(true);
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('Nothing shared yet this month. Last month: ≈ 2,684 people reached (estimate)');
  });

  it('keeps the empty message when last month was empty too, or for `all`', async () => {
    const message = 'No shares yet for this period. The first one will show up here!';
    const nothingBefore = previousStats({ shares: 0, creditedClicks: 0, activeAmbassadors: 0, estimatedReach: 0 });
    const api = new FakeApi({ 'GET /v1/stats': { body: justStartedStats({ previous: nothingBefore }) } });
    const month = await ready(api);
    expect(text(month.shadow.querySelector('[part~="empty"]'))).to.equal(message);
    unmountAll();

    api.set({ 'GET /v1/stats': { body: emptyStats('all', { periodStart: '2020-01-01' }) } });
    const all = await ready(api, html`<adv-program-stats period="all"></adv-program-stats>`);
    expect(text(all.shadow.querySelector('[part~="empty"]'))).to.equal(message);
  });
});
