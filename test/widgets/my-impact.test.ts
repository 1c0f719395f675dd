import { html } from 'lit';
import { expect } from '@open-wc/testing';
import type { Leaderboard } from '@advocacy/sdk';
import type { AdvLoadEvent, AdvMyImpact } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-my-impact.js';
import { FakeApi, type FakeRequest, type FakeRoutes } from '../helpers/fake-api.js';
import { justStartedLeaderboard, leaderboard, previousMine } from '../helpers/fixtures/leaderboard.js';
import { me, share, sharePage } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

type Mine = Leaderboard['me'];
const mine = (overrides: Partial<Mine> = {}): Mine => ({ rank: 4, points: 610, shares: 36, clicks: 780, optedIn: true, ...overrides });
const nothingYet: Partial<Mine> = { shares: 0, clicks: 0, points: 0, rank: null };

function routes(overrides: Partial<Mine> = {}, extra: FakeRoutes = {}, board: Partial<Leaderboard> = {}): FakeRoutes {
  return {
    'GET /v1/leaderboard': (request: FakeRequest) => ({
      body: leaderboard({ period: (request.query.get('period') ?? 'month') as 'month', items: [], me: mine(overrides), ...board }),
    }),
    'GET /v1/me': { body: me() },
    // Newest first: LinkedIn and X this month (from 2026-11-01), Bluesky in October.
    'GET /v1/shares': {
      body: sharePage([share('linkedin', '2026-11-20T10:00:00Z'), share('x', '2026-11-03T08:00:00+01:00'), share('linkedin', '2026-11-02T09:00:00Z'), share('bluesky', '2026-10-30T12:00:00Z')], 'more'),
    },
    ...extra,
  };
}

runBaseSuite({
  tag: 'adv-my-impact',
  credential: 'token',
  template: (period) => html`<adv-my-impact period=${period}></adv-my-impact>`,
  ready: routes(),
  empty: routes(nothingYet),
  failing: ['GET /v1/leaderboard'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.path === '/v1/leaderboard' && request.query.get('period') === 'week' },
});

// The empty state of a month on its first day, beside an active October: still empty, still accessible.
runBaseSuite({
  tag: 'adv-my-impact just started',
  credential: 'token',
  template: (period) => html`<adv-my-impact period=${period}></adv-my-impact>`,
  ready: routes(),
  empty: { 'GET /v1/leaderboard': { body: justStartedLeaderboard() } },
  failing: ['GET /v1/leaderboard'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.path === '/v1/leaderboard' && request.query.get('period') === 'week' },
});

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(api: FakeApi, lang?: string, template = html`<adv-my-impact></adv-my-impact>`): Promise<Mounted<AdvMyImpact>> {
  const mounted = await mountWidget<AdvMyImpact>(api.client(), template, lang ? { lang } : {});
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

function figures(shadow: ShadowRoot): Record<string, string> {
  return Object.fromEntries([...shadow.querySelectorAll('dl > div')].map((tile) => [text(tile.querySelector('dt')), text(tile.querySelector('dd'))]));
}

describe('<adv-my-impact>', () => {
  afterEach(unmountAll);

  it('shows shares, readers, points, rank and estimated reach as figure tiles, with a friendly line', async () => {
    const api = new FakeApi(routes({ clicks: 3_450 }));
    const { shadow, widget } = await ready(api);
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Your 36 shares brought 3,450 readers this month.');
    // Reach: LinkedIn (1,200) + X (300), each once; Bluesky was shared in October.
    expect(figures(shadow)).to.deep.equal({ Readers: '3.5K', Shares: '36', Points: '610', Rank: '4', 'Estimated reach': '≈ 1.5K' });
    expect(api.requestsTo('GET /v1/leaderboard')[0]!.query.get('limit')).to.equal('1');
    expect(api.requestsTo('GET /v1/shares'), 'stops at the period start').to.have.length(1);
    await expect(widget).to.be.accessible();
  });

  it('labels reach as an estimate and says how it is estimated', async () => {
    const api = new FakeApi(routes());
    const { shadow } = await ready(api);
    const reach = shadow.querySelector('.estimate dd')!;
    const help = shadow.getElementById(reach.getAttribute('aria-describedby')!)!;
    expect(text(shadow.querySelector('.estimate dt'))).to.equal('Estimated reach');
    expect(text(help)).to.equal(
      'We add up the followers you declared on each network you shared to this month, once per network. So it is the most people who could have seen your posts, not how many read them.',
    );
  });

  it('reads more shares only while they are in the period and a declared network is still unseen', async () => {
    const api = new FakeApi(
      routes({}, {
        'GET /v1/shares': (request) =>
          request.query.get('cursor')
            ? { body: sharePage([share('bluesky', '2026-11-01T00:00:00Z'), share('x', '2026-10-01T00:00:00Z')], 'again') }
            : { body: sharePage([share('linkedin', '2026-11-20T10:00:00Z')], 'page2') },
      }),
    );
    const { shadow } = await ready(api);
    expect(api.requestsTo('GET /v1/shares').map((request) => request.query.get('cursor'))).to.deep.equal([null, 'page2']);
    expect(figures(shadow)['Estimated reach']).to.equal('≈ 1.3K'); // 1,200 + 80
  });

  it('says "—" and how to get an estimate when no audience is declared', async () => {
    const api = new FakeApi(routes({}, { 'GET /v1/me': { body: me({ audience: {} }) } }));
    const { shadow } = await ready(api);
    expect(figures(shadow)['Estimated reach']).to.equal('—');
    expect(text(shadow.querySelector('[part~="help"]'))).to.contain('Add how many people follow you');
    expect(api.requestsTo('GET /v1/shares')).to.have.length(0);
  });

  it('has singular sentences, an encouraging one before any reader, and "Not ranked"', async () => {
    const one = await ready(new FakeApi(routes({ shares: 1, clicks: 1 })));
    expect(text(one.shadow.querySelector('[part~="line"]'))).to.equal('Your share brought 1 reader this month.');
    unmountAll();
    const none = await ready(new FakeApi(routes({ shares: 2, clicks: 0, rank: null })));
    expect(text(none.shadow.querySelector('[part~="line"]'))).to.equal('You shared this month: readers will show up here as people open your links.');
    expect(figures(none.shadow)['Rank']).to.equal('Not ranked');
  });

  it('speaks French with French numbers', async () => {
    const api = new FakeApi(routes({ clicks: 12_345, points: 1_234_567 }));
    const { shadow } = await ready(api, 'fr');
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Vos 36 partages ont attiré 12 345 lecteurs ce mois-ci.');
    expect(figures(shadow)).to.deep.equal({ Lecteurs: '12,3 k', Partages: '36', Points: '1,2 M', Rang: '4', 'Portée estimée': '≈ 1,5 k' });
  });

  it('encourages a first share when nothing was shared in the period', async () => {
    const api = new FakeApi(routes({ shares: 0, clicks: 0, points: 0, rank: null }));
    const mounted = await mountWidget(api.client(), html`<adv-my-impact period="week"></adv-my-impact>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(text(mounted.shadow.querySelector('[part~="empty"]'))).to.equal(
      'Nothing shared yet for this period. Share a post from the feed: your readers, points and reach will show up here.',
    );
    expect(api.requestsTo('GET /v1/leaderboard')[0]!.query.get('period')).to.equal('week');
  });

  it('shows readers of earlier shares in a period with no new share, instead of the empty state', async () => {
    const api = new FakeApi(routes({ shares: 0, clicks: 20, points: 40, rank: 12 }, {}, { periodEnd: '2026-11-03' }));
    const { shadow, widget, events } = await ready(api);
    expect((events.find((event) => event.type === 'adv-load') as AdvLoadEvent).detail.empty).to.equal(false);
    expect(shadow.querySelector('[part~="empty"]')).to.equal(null);
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Your earlier shares brought 20 readers this month.');
    // No share this month: nothing reached, and no need to read the shares back.
    expect(figures(shadow)).to.deep.equal({ Readers: '20', Shares: '0', Points: '40', Rank: '12', 'Estimated reach': '0' });
    expect(api.requestsTo('GET /v1/shares')).to.have.length(0);
    await expect(widget).to.be.accessible();
  });

  it('says "1 lecteur" for one reader of earlier shares, in French', async () => {
    const api = new FakeApi(routes({ shares: 0, clicks: 1, points: 2, rank: 30 }));
    const { shadow } = await ready(api, 'fr');
    expect(text(shadow.querySelector('[part~="line"]'))).to.equal('Vos partages précédents ont attiré 1 lecteur ce mois-ci.');
  });

  it("says the month has just started on its first day, with the caller's last month beside it", async () => {
    const api = new FakeApi({ ...routes(), 'GET /v1/leaderboard': { body: justStartedLeaderboard() } });
    const { shadow, widget, events } = await ready(api);
    expect((events.find((event) => event.type === 'adv-load') as AdvLoadEvent).detail.empty).to.equal(true);
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('This month has just started. Last month: 20 readers, 3 shares');
    expect(shadow.querySelector('[part~="figures"]')).to.equal(null);
    await expect(widget).to.be.accessible();
  });

  it('says so in French, with French numbers', async () => {
    const board = justStartedLeaderboard({ me: mine({ ...nothingYet, previous: previousMine({ clicks: 1_234, shares: 1 }) }) });
    const api = new FakeApi({ ...routes(), 'GET /v1/leaderboard': { body: board } });
    const { shadow, widget } = await ready(api, 'fr');
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('Ce mois-ci vient de commencer. Le mois dernier : 1 234 lecteurs, 1 partage');
    await expect(widget).to.be.accessible();
  });

  it('has the week and quarter phrasings, and leaves a zero figure out', async () => {
    const week = justStartedLeaderboard({
      period: 'week',
      periodStart: '2026-11-23',
      periodEnd: '2026-11-23',
      me: mine({ ...nothingYet, previous: previousMine({ periodStart: '2026-11-16', clicks: 1, shares: 0 }) }),
    });
    const api = new FakeApi({ ...routes(), 'GET /v1/leaderboard': { body: week } });
    const english = await ready(api, undefined, html`<adv-my-impact period="week"></adv-my-impact>`);
    expect(text(english.shadow.querySelector('[part~="empty"]'))).to.equal('This week has just started. Last week: 1 reader');
    unmountAll();

    const quarter = justStartedLeaderboard({
      period: 'quarter',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-01',
      me: mine({ ...nothingYet, previous: previousMine({ periodStart: '2026-07-01', clicks: 0, shares: 2 }) }),
    });
    api.set({ 'GET /v1/leaderboard': { body: quarter } });
    const french = await ready(api, 'fr', html`<adv-my-impact period="quarter"></adv-my-impact>`);
    expect(text(french.shadow.querySelector('[part~="empty"]'))).to.equal('Ce trimestre vient de commencer. Le trimestre dernier : 2 partages');
    await expect(french.widget).to.be.accessible();
  });

  it('says nothing is shared yet later in an empty month, beside an active last month', async () => {
    const api = new FakeApi(routes({ ...nothingYet, previous: previousMine() }, {}, { periodEnd: '2026-11-25' }));
    const { shadow, events } = await ready(api);
    expect((events.find((event) => event.type === 'adv-load') as AdvLoadEvent).detail.empty).to.equal(true);
    expect(text(shadow.querySelector('[part~="empty"]'))).to.equal('Nothing shared yet this month. Last month: 20 readers, 3 shares');
  });

  it('keeps the first-share encouragement when last month was empty too, or for `all`', async () => {
    const encouragement = 'Nothing shared yet for this period. Share a post from the feed: your readers, points and reach will show up here.';
    const emptyBefore = justStartedLeaderboard({ me: mine({ ...nothingYet, previous: previousMine({ points: 0, shares: 0, clicks: 0 }) }) });
    const api = new FakeApi({ ...routes(), 'GET /v1/leaderboard': { body: emptyBefore } });
    const month = await ready(api);
    expect(text(month.shadow.querySelector('[part~="empty"]'))).to.equal(encouragement);
    unmountAll();

    api.set({ 'GET /v1/leaderboard': { body: leaderboard({ period: 'all', periodEnd: '2026-11-25', items: [], me: mine(nothingYet) }) } });
    const all = await ready(api, undefined, html`<adv-my-impact period="all"></adv-my-impact>`);
    expect(text(all.shadow.querySelector('[part~="empty"]'))).to.equal(encouragement);
  });

  it("shows the page's `empty` slot instead of the default message", async () => {
    const api = new FakeApi({ ...routes(), 'GET /v1/leaderboard': { body: justStartedLeaderboard() } });
    const { shadow, widget } = await ready(api, undefined, html`<adv-my-impact><p slot="empty">Share something today!</p></adv-my-impact>`);
    const slot = shadow.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements().map((element) => text(element))).to.deep.equal(['Share something today!']);
    await expect(widget).to.be.accessible();
  });
});
