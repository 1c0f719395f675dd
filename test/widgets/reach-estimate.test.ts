// The estimated reach is labelled an estimate wherever it is shown, with a "How we estimate" disclosure and, when the
// page gives `method-href`, a link to the method in full — in <adv-program-stats> (employee and public) and
// <adv-my-impact>, in English and French, with the keyboard alone.
import { html, type TemplateResult } from 'lit';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@advocacy/widgets/define/adv-my-impact.js';
import '@advocacy/widgets/define/adv-program-stats.js';
import { FakeApi, type FakeRoutes } from '../helpers/fake-api.js';
import { leaderboard } from '../helpers/fixtures/leaderboard.js';
import { me, publicStats, share, sharePage, stats } from '../helpers/fixtures/stats.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

const impactRoutes = (audience = me().audience): FakeRoutes => ({
  'GET /v1/leaderboard': { body: leaderboard({ items: [] }) },
  'GET /v1/me': { body: me({ audience }) },
  'GET /v1/shares': { body: sharePage([share('linkedin', '2026-11-20T10:00:00Z'), share('x', '2026-11-03T08:00:00Z')]) },
});

interface Case {
  name: string;
  routes: FakeRoutes;
  template: (href?: string) => TemplateResult;
  /** What the tile shows, in English and in French. */
  tile: [string, string];
  /** A phrase of the explanation only this widget says, in English and in French. */
  says: [string, string];
}

const CASES: Case[] = [
  {
    name: '<adv-program-stats>',
    routes: { 'GET /v1/stats': { body: stats() } },
    template: (href) => html`<adv-program-stats method-href=${href ?? ''}></adv-program-stats>`,
    tile: ['≈ 120K', '≈ 120 k'],
    says: ['counting each person only up to a cap', 'la part de chacune étant plafonnée'],
  },
  {
    name: '<adv-program-stats public>',
    routes: { 'GET /v1/stats/public': { body: publicStats({ estimatedReach: 2684 }) } },
    template: (href) => html`<adv-program-stats public method-href=${href ?? ''}></adv-program-stats>`,
    tile: ['≈ 2.7K', '≈ 2,7 k'],
    says: ['counting each person only up to a cap', 'la part de chacune étant plafonnée'],
  },
  {
    name: '<adv-my-impact>',
    routes: impactRoutes(),
    template: (href) => html`<adv-my-impact method-href=${href ?? ''}></adv-my-impact>`,
    tile: ['≈ 1.5K', '≈ 1,5 k'], // LinkedIn 1,200 + X 300
    says: ['the followers you declared on each network you shared to this month', 'les abonnés que vous avez déclarés sur chaque réseau où vous avez partagé ce mois-ci'],
  },
];

async function ready(routes: FakeRoutes, template: TemplateResult, lang = 'en') {
  const mounted = await mountWidget(new FakeApi(routes).client(), template, { lang });
  await mounted.next('adv-load');
  await settled(mounted.widget);
  return mounted;
}

describe('estimated reach, labelled and explained', () => {
  afterEach(unmountAll);

  for (const { name, routes, template, tile, says } of CASES) {
    for (const [index, lang] of (['en', 'fr'] as const).entries()) {
      it(`${name}: "≈" on the figure, a closed "How we estimate" disclosure that opens, accessible both ways (${lang})`, async () => {
        const { widget, shadow } = await ready(routes, template(), lang);
        const reach = shadow.querySelector('.estimate')!;
        expect(text(reach.querySelector('dt'))).to.equal(lang === 'en' ? 'Estimated reach' : 'Portée estimée');
        expect(text(reach.querySelector('dd'))).to.equal(tile[index]);
        const details = shadow.querySelector<HTMLDetailsElement>('details[part~="help"]')!;
        expect(details, 'a disclosure').not.to.equal(null);
        expect(details.open).to.equal(false);
        expect(text(details.querySelector('summary'))).to.equal(lang === 'en' ? 'How we estimate' : 'Comment nous l’estimons');
        const explanation = shadow.getElementById(reach.querySelector('dd')!.getAttribute('aria-describedby')!)!;
        expect(details.contains(explanation), 'the figure is described by the explanation').to.equal(true);
        expect(text(explanation)).to.contain(says[index]);
        expect(text(explanation)).to.contain(lang === 'en' ? 'the most people who could have seen' : 'le nombre maximal de personnes qui ont pu voir');
        expect(text(explanation)).to.contain(lang === 'en' ? 'not how many read' : 'pas le nombre de lecteurs');
        expect(details.querySelector('a'), 'no link without method-href').to.equal(null);
        await expect(widget).to.be.accessible();
        details.querySelector('summary')!.click();
        await settled(widget);
        expect(details.open).to.equal(true);
        expect(explanation.getBoundingClientRect().height).to.be.above(0);
        await expect(widget).to.be.accessible();
      });
    }

    it(`${name}: method-href adds "Read the method" (en, fr), through safeUrl()`, async () => {
      const href = 'https://docs.example.test/advocacy/estimated-reach';
      let { shadow } = await ready(routes, template(href));
      let link = shadow.querySelector<HTMLAnchorElement>('details [part~="method-link"]')!;
      expect(text(link)).to.equal('Read the method');
      expect(link.getAttribute('href')).to.equal(href);
      unmountAll();
      ({ shadow } = await ready(routes, template(href), 'fr'));
      link = shadow.querySelector<HTMLAnchorElement>('details [part~="method-link"]')!;
      expect(text(link)).to.equal('Lire la méthode');
      for (const refused of ['javascript:alert(1)', 'http://docs.example.test/method', '/docs/estimated-reach.md', 'data:text/html,hi']) {
        unmountAll();
        ({ shadow } = await ready(routes, template(refused)));
        expect(shadow.querySelector('details'), refused).not.to.equal(null);
        expect(shadow.querySelector('details a'), refused).to.equal(null);
      }
    });

    it(`${name}: with the keyboard alone, Tab to "How we estimate", Enter opens it, Tab reaches "Read the method"`, async () => {
      const { shadow } = await ready(routes, template('https://docs.example.test/advocacy/estimated-reach'));
      const details = shadow.querySelector<HTMLDetailsElement>('details')!;
      await sendKeys({ press: 'Tab' });
      expect(shadow.activeElement).to.equal(details.querySelector('summary'));
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(shadow.activeElement?.getAttribute('part')).to.equal('method-link');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(shadow.activeElement).to.equal(details.querySelector('summary'));
      await sendKeys({ press: ' ' });
      expect(details.open).to.equal(false);
    });
  }

  it('<adv-my-impact> with no audience declared: no estimate and no method, the sentence asking for one', async () => {
    const { widget, shadow } = await ready(impactRoutes({}), html`<adv-my-impact method-href="https://docs.example.test/m"></adv-my-impact>`);
    expect(text(shadow.querySelector('.estimate dd'))).to.equal('—');
    expect(shadow.querySelector('details')).to.equal(null);
    expect(text(shadow.querySelector('[part~="help"]'))).to.contain('Add how many people follow you');
    await expect(widget).to.be.accessible();
  });

  it('<adv-program-stats>: a reach of zero is no estimate, "0" without "≈"', async () => {
    const { shadow } = await ready({ 'GET /v1/stats/public': { body: publicStats({ estimatedReach: 0, creditedClicks: 5 }) } }, html`<adv-program-stats public></adv-program-stats>`);
    expect(text(shadow.querySelector('.estimate dd'))).to.equal('0');
  });
});
