// In a 480 px column: a long name takes at most two lines (the whole name stays in the cell and its title), a team
// one, and no French period label breaks ("Depuis le début" with "début" alone). Measured as laid out, by line count.
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import type { AdvLeaderboard } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-leaderboard.js';
import { FakeApi } from '../helpers/fake-api.js';
import { entry, leaderboard } from '../helpers/fixtures/leaderboard.js';
import { mountWidget, settled, unmountAll, type Mounted } from './helpers/mount.js';

const LONG = 'Maximilian Alexander von Hohenberg-Schönfeld';
const TEAM = 'Global Strategic Partnerships, Communications and Employer Branding (EMEA & APAC)';

/** Lines of text a range covers: the distinct line boxes its non-empty rects sit on. */
function textLines(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0).map((rect) => Math.round(rect.top));
  return new Set(tops).size;
}

async function at480(lang: string, longest: 'all' | 'quarter' = 'all', team: string | null = null): Promise<Mounted<AdvLeaderboard>> {
  const body = leaderboard({
    period: longest,
    team,
    items: [
      entry(1, 'Ana', { team: null }),
      entry(2, LONG, { team: TEAM, points: 12_345, shares: 987, clicks: 45_678 }),
      entry(3, `${LONG} ${LONG}`, { team: TEAM, isMe: true }),
    ],
  });
  const api = new FakeApi({ 'GET /v1/leaderboard': { body } });
  const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard period=${longest} style="display: block; width: 480px"></adv-leaderboard>`, { lang });
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

describe('<adv-leaderboard> in a 480 px column', () => {
  afterEach(unmountAll);

  for (const lang of ['fr', 'en']) {
    it(`keeps long names to two lines and teams to one, whole in the cell and its title (${lang})`, async () => {
      const { widget, shadow } = await at480(lang);
      expect(widget.getBoundingClientRect().width).to.equal(480);
      const names = [...shadow.querySelectorAll<HTMLElement>('tbody .display')];
      const oneLine = names[0]!.getBoundingClientRect().height; // "Ana"
      expect(oneLine).to.be.above(0);
      for (const name of names.slice(1)) {
        // Laid out unclamped, the name needs three lines or more in this column; shown, it takes two.
        expect(Math.round(name.scrollHeight / oneLine), `${name.title} laid out`).to.be.at.least(3);
        expect(Math.round(name.getBoundingClientRect().height / oneLine), `${name.title} shown`).to.equal(2);
        expect(getComputedStyle(name).textOverflow === 'ellipsis' || getComputedStyle(name).webkitLineClamp === '2').to.equal(true);
      }
      expect(names[1]!.title).to.equal(LONG);
      expect(names[1]!.closest('th')!.textContent).to.contain(LONG); // what assistive technologies read
      expect(names[2]!.textContent).to.contain(lang === 'fr' ? '(vous)' : '(you)');
      const teams = [...shadow.querySelectorAll<HTMLElement>('tbody .team')];
      const smallLine = parseFloat(getComputedStyle(teams[0]!).fontSize) * 1.6;
      for (const team of teams) {
        expect(team.title).to.equal(TEAM);
        expect(team.textContent).to.equal(TEAM);
        expect(team.getBoundingClientRect().height, 'one line of team').to.be.below(smallLine);
      }
      // Nothing spills sideways out of the column.
      const base = shadow.querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(480);
      await expect(widget).to.be.accessible();
    });

    it(`never breaks a period label onto two lines (${lang})`, async () => {
      const { shadow } = await at480(lang);
      const buttons = [...shadow.querySelectorAll<HTMLElement>('[part~="period"]')];
      expect(buttons.map((button) => button.textContent!.trim())).to.deep.equal(
        lang === 'fr' ? ['Cette semaine', 'Ce mois-ci', 'Ce trimestre', 'Depuis le début'] : ['This week', 'This month', 'This quarter', 'All time'],
      );
      for (const button of buttons) expect(textLines(button), button.textContent!.trim()).to.equal(1);
      const periods = shadow.querySelector<HTMLElement>('[part~="periods"]')!;
      expect(periods.getBoundingClientRect().right).to.be.at.most(shadow.host.getBoundingClientRect().right);
    });

    it(`keeps the caption's period whole, whatever the length of the team before it (${lang})`, async () => {
      const api = new FakeApi({ 'GET /v1/leaderboard': (request) => ({ body: leaderboard({ period: 'all', team: request.query.get('team') }) }) });
      const mounted = await mountWidget<AdvLeaderboard>(api.client(), html`<adv-leaderboard period="all" style="display: block; width: 480px"></adv-leaderboard>`, { lang });
      await mounted.next('adv-load');
      const words = 'Communication interne et marque employeur Europe du Sud Afrique du Nord'.split(' ');
      let wrapped = 0;
      for (let count = 1; count <= words.length; count++) {
        mounted.widget.team = words.slice(0, count).join(' ');
        await mounted.next('adv-load');
        await settled(mounted.widget);
        const caption = mounted.shadow.querySelector('caption')!;
        if (textLines(caption) > 1) wrapped++;
        const period = caption.querySelector('.nowrap')!;
        expect(period.textContent).to.equal(lang === 'fr' ? 'Depuis le début' : 'All time');
        expect(textLines(period), `after the team "${mounted.widget.team}"`).to.equal(1);
      }
      expect(wrapped, 'captions that wrap').to.be.at.least(3);
    });
  }

  it('keeps every French label whole in a 320 px column as well (the buttons wrap, not their words)', async () => {
    const { widget, shadow } = await at480('fr');
    widget.style.width = '320px';
    await settled(widget);
    for (const button of shadow.querySelectorAll<HTMLElement>('[part~="period"]')) expect(textLines(button), button.textContent!.trim()).to.equal(1);
    const periods = shadow.querySelector<HTMLElement>('[part~="periods"]')!;
    expect(periods.getBoundingClientRect().right).to.be.at.most(widget.getBoundingClientRect().right);
  });
});
