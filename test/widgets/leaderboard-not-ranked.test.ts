// An opted-in employee with no points in the period sees their own row ("not ranked yet"); one who has not joined
// keeps the invitation and no row.
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Period } from '@advocacy/sdk';
import type { AdvLeaderboard } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi } from '../helpers/fake-api.js';
import { leaderboardNotOptedIn, leaderboardNotRanked, weekLeaderboard } from '../helpers/fixtures/leaderboard.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(body: unknown, lang = 'en', period: Period = 'month'): Promise<Mounted<AdvLeaderboard>> {
  const api = new FakeApi({ 'GET /v1/leaderboard': { body } });
  const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard period=${period}></adv-leaderboard>`, { lang });
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

const SAID: Record<'en' | 'fr', Record<Period, string>> = {
  en: {
    week: 'Not ranked yet this week — share something to get on the board',
    month: 'Not ranked yet this month — share something to get on the board',
    quarter: 'Not ranked yet this quarter — share something to get on the board',
    all: 'Not ranked yet — share something to get on the board',
  },
  fr: {
    week: 'Pas encore au classement cette semaine — partagez une publication pour y entrer',
    month: 'Pas encore au classement ce mois-ci — partagez une publication pour y entrer',
    quarter: 'Pas encore au classement ce trimestre — partagez une publication pour y entrer',
    all: 'Pas encore au classement — partagez une publication pour y entrer',
  },
};

describe('<adv-leaderboard> for an opted-in employee with no points yet', () => {
  afterEach(unmountAll);

  for (const lang of ['en', 'fr'] as const) {
    for (const period of ['week', 'month', 'quarter', 'all'] as const) {
      it(`shows the caller's own row under the table: not ranked yet (${lang}, ${period})`, async () => {
        const { widget, shadow } = await ready(leaderboardNotRanked(period), lang, period);
        expect(shadow.querySelectorAll('tbody tr[aria-current]'), 'not among the ranked').to.have.length(0);
        const mine = shadow.querySelectorAll('tfoot tr[part~="me"][aria-current="true"]');
        expect(mine).to.have.length(1);
        expect(text(mine[0]!.querySelector('[part~="not-ranked"]'))).to.equal(SAID[lang][period]);
        expect(text(mine[0]!.querySelector('th[scope="row"]'))).to.contain(lang === 'en' ? 'Your rank (you)' : 'Votre rang (vous)');
        expect(text(mine[0]!.querySelector('.points'))).to.equal('0');
        // Still on the board: the small button to leave, not the invitation.
        expect(shadow.querySelector('[part~="leave-button"]')).not.to.equal(null);
        expect(shadow.querySelector('[part~="opt-in"]')).to.equal(null);
        await expect(widget).to.be.accessible();
      });
    }
  }

  it('says points come with readers when the caller shared but has no points yet (en, fr)', async () => {
    let { shadow } = await ready(leaderboardNotRanked('month', 3));
    expect(text(shadow.querySelector('[part~="not-ranked"]'))).to.equal('Not ranked yet this month — your points come when people open what you shared');
    unmountAll();
    ({ shadow } = await ready(leaderboardNotRanked('month', 3), 'fr'));
    expect(text(shadow.querySelector('[part~="not-ranked"]'))).to.equal('Pas encore au classement ce mois-ci — vos points arrivent quand des lecteurs ouvrent vos partages');
  });

  it('is reached with the keyboard alone: Tab goes from the period switcher to the leave button, past the row', async () => {
    const { shadow } = await ready(leaderboardNotRanked('month'));
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement?.getAttribute('role')).to.equal('radio');
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement?.getAttribute('part')).to.equal('leave-button');
  });

  for (const [name, body] of [
    ['has not joined, with points', leaderboardNotOptedIn()],
    ['has not joined, without points', weekLeaderboard({ period: 'month' })],
  ] as const) {
    it(`keeps the invitation and shows no own row when the caller ${name}`, async () => {
      const { widget, shadow } = await ready(body);
      expect(shadow.querySelector('tfoot')).to.equal(null);
      expect(shadow.querySelector('[part~="not-ranked"]')).to.equal(null);
      expect(shadow.querySelector('[part~="opt-in"]')).not.to.equal(null);
      await expect(widget).to.be.accessible();
    });
  }

  it('shows no "not ranked" row for a caller with points outside the chosen team (their rank is null there)', async () => {
    const body = leaderboardNotRanked('month');
    const { shadow } = await ready({ ...body, team: 'Sales', me: { ...body.me, points: 120, shares: 4, clicks: 30 } });
    expect(shadow.querySelector('tfoot')).to.equal(null);
  });
});
