// Keyboard only: pick a period in the switcher, then join the leaderboard.
import { html } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvLeaderboard } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi } from '../helpers/fake-api.js';
import { leaderboard, weekLeaderboard } from '../helpers/fixtures/leaderboard.js';
import { me } from '../helpers/fixtures/stats.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

describe('<adv-leaderboard> with the keyboard', () => {
  afterEach(unmountAll);

  it('Tab to the period switcher, ArrowRight to "This week", Tab to the invitation, Enter joins', async () => {
    let joined = false;
    const api = new FakeApi({
      'GET /v1/leaderboard': (request) => {
        const week = request.query.get('period') === 'week';
        if (!week) return { body: leaderboard({ period: request.query.get('period') as 'all' }) };
        return { body: weekLeaderboard(joined ? { me: { rank: 3, points: 40, shares: 2, clicks: 9, optedIn: true } } : {}) };
      },
      'PATCH /v1/me': () => {
        joined = true;
        return { body: me({ leaderboardOptIn: true }) };
      },
    });
    const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard period="all"></adv-leaderboard>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    const focused = () => mounted.shadow.activeElement as HTMLElement | null;

    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('role')).to.equal('radio');
    expect(focused()?.textContent?.trim()).to.equal('All time');
    expect(focused()?.getAttribute('aria-checked')).to.equal('true');

    await sendKeys({ press: 'ArrowRight' }); // wraps from the last period to the first
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(focused()?.textContent?.trim()).to.equal('This week');
    expect(focused()?.getAttribute('aria-checked')).to.equal('true');
    expect(mounted.widget.period).to.equal('week');
    expect(mounted.shadow.querySelector('tbody')!.textContent).to.contain('Priya Shah');
    await sendKeys({ press: 'Enter' });
    expect(mounted.widget.period).to.equal('week');

    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('opt-in-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => mounted.shadow.querySelector('[part~="leave-button"]'), 'not joined');
    expect(api.requestsTo('PATCH /v1/me')[0]!.body).to.deep.equal({ leaderboardOptIn: true });
    expect(focused()?.getAttribute('part')).to.equal('leave-button');
    expect(mounted.shadow.querySelector('tfoot tr[aria-current="true"]')!.textContent).to.contain('3');
  });

  it('moves back with ArrowLeft and jumps with Home and End', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': (request) => ({ body: leaderboard({ period: (request.query.get('period') ?? 'month') as 'month' }) }) });
    const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard></adv-leaderboard>`);
    await mounted.next('adv-load');
    await settled(mounted.widget);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' });
    await settled(mounted.widget);
    expect(mounted.widget.period).to.equal('week');
    await sendKeys({ press: 'End' });
    await settled(mounted.widget);
    expect(mounted.widget.period).to.equal('all');
    expect((mounted.shadow.activeElement as HTMLElement).dataset['period']).to.equal('all');
    await sendKeys({ press: 'Home' });
    await settled(mounted.widget);
    expect(mounted.widget.period).to.equal('week');
  });

  it('swaps left and right in a right-to-left language', async () => {
    const api = new FakeApi({ 'GET /v1/leaderboard': (request) => ({ body: leaderboard({ period: (request.query.get('period') ?? 'month') as 'month' }) }) });
    const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard></adv-leaderboard>`, { lang: 'ar' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' });
    await settled(mounted.widget);
    expect(mounted.widget.period).to.equal('quarter');
    await sendKeys({ press: 'ArrowDown' });
    await settled(mounted.widget);
    expect(mounted.widget.period).to.equal('all');
  });
});
