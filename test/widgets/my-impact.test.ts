import { html } from 'lit';
import { expect } from '@open-wc/testing';
import type { AdvMyImpact } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-my-impact.js';
import { FakeApi, type FakeRequest, type FakeRoutes } from '../helpers/fake-api.js';
import { leaderboard } from '../helpers/fixtures/leaderboard.js';
import { me, share, sharePage } from '../helpers/fixtures/stats.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

type Mine = { rank: number | null; points: number; shares: number; clicks: number; optedIn: boolean };
const mine = (overrides: Partial<Mine> = {}): Mine => ({ rank: 4, points: 610, shares: 36, clicks: 780, optedIn: true, ...overrides });

function routes(overrides: Partial<Mine> = {}, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /v1/leaderboard': (request: FakeRequest) => ({
      body: leaderboard({ period: (request.query.get('period') ?? 'month') as 'month', items: [], me: mine(overrides) }),
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
  template: (period) => html`<adv-my-impact period=${period}></adv-my-impact>`,
  ready: routes(),
  empty: routes({ shares: 0, clicks: 0, points: 0, rank: null }),
  failing: ['GET /v1/leaderboard'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.path === '/v1/leaderboard' && request.query.get('period') === 'week' },
});

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(api: FakeApi, lang?: string): Promise<Mounted<AdvMyImpact>> {
  const mounted = await mountWidget<AdvMyImpact>(api.client(), html`<adv-my-impact></adv-my-impact>`, lang ? { lang } : {});
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
    expect(figures(shadow)).to.deep.equal({ Readers: '3.5K', Shares: '36', Points: '610', Rank: '4', 'Estimated reach': '1.5K' });
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
      'Estimated reach: the followers you declared for each network you shared to this month, counted once per network. Not every follower sees every post.',
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
    expect(figures(shadow)['Estimated reach']).to.equal('1.3K'); // 1,200 + 80
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
    expect(figures(shadow)).to.deep.equal({ Lecteurs: '12,3 k', Partages: '36', Points: '1,2 M', Rang: '4', 'Portée estimée': '1,5 k' });
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
});
