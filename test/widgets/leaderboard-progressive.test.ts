// <adv-leaderboard> renders a long board in pieces: ten rows in the first
// render, the rest in later tasks; updateComplete waits for the last row.
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import type { AdvLeaderboard } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi } from '../helpers/fake-api.js';
import { entry, leaderboard } from '../helpers/fixtures/leaderboard.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const board = (count: number) => leaderboard({ items: Array.from({ length: count }, (_, index) => entry(index + 1, `Person ${index + 1}`)) });

describe('<adv-leaderboard> in pieces', () => {
  afterEach(unmountAll);

  it('shows ten rows in the first render, busy, then all 45 in rank order', async () => {
    let first: { rows: number; busy: string | null } | undefined;
    document.addEventListener(
      'adv-load',
      (event) => {
        const root = (event.target as AdvLeaderboard).shadowRoot!;
        first = { rows: root.querySelectorAll('tbody tr').length, busy: root.querySelector('table')!.getAttribute('aria-busy') };
      },
      { once: true },
    );
    const api = new FakeApi({ 'GET /v1/leaderboard': { body: board(45) } });
    const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard limit="100"></adv-leaderboard>`);
    await mounted.next('adv-load');
    expect(first).to.deep.equal({ rows: 10, busy: 'true' });
    await settled(mounted.widget);
    const names = [...mounted.shadow.querySelectorAll('tbody tr .display')].map((cell) => cell.textContent!.trim());
    expect(names).to.deep.equal(Array.from({ length: 45 }, (_, index) => `Person ${index + 1}`));
    expect(mounted.shadow.querySelector('table')!.hasAttribute('aria-busy')).to.equal(false);
    await expect(mounted.widget).to.be.accessible();
  });
});
