// The data-widget base class, exercised through a minimal widget and the shared base suite.
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { expect } from '@open-wc/testing';
import type { AdvClient, PublicStats, ResourceStore } from '@advocacy/sdk';
import { createResourceStore } from '@advocacy/sdk';
import { AdvDataElement } from '../../packages/widgets/src/base/adv-data-element.js';
import { FakeApi, problem } from '../helpers/fake-api.js';
import { runBaseSuite } from './helpers/base-suite.js';
import { mountWidget, settled, unmountAll } from './helpers/mount.js';

class TestTotals extends AdvDataElement<PublicStats> {
  @property() period: 'week' | 'month' = 'month';
  protected createStore(client: AdvClient): ResourceStore<PublicStats> {
    return createResourceStore((signal) => client.stats.getPublic({ period: this.period }, { signal }));
  }
  protected storeKey() {
    return this.period;
  }
  protected override isEmpty(data: PublicStats) {
    return data.shares === 0;
  }
  protected renderReady(data: PublicStats) {
    return html`<p>${this.l.compact(data.estimatedReach)}</p>`;
  }
}
customElements.define('test-totals', TestTotals);

function stats(period: string, shares: number) {
  return { period, periodStart: '2026-11-01', periodEnd: '2026-11-25', shares, creditedClicks: 3 * shares, activeAmbassadors: shares, estimatedReach: 120_000 };
}

runBaseSuite({
  tag: 'test-totals',
  credential: 'key',
  template: (period) => html`<test-totals period=${period}></test-totals>`,
  ready: { 'GET /v1/stats/public': (request) => ({ body: stats(request.query.get('period') ?? 'month', 12) }) },
  empty: { 'GET /v1/stats/public': { body: stats('month', 0) } },
  failing: ['GET /v1/stats/public'],
  key: { attribute: 'period', values: ['month', 'week'], seenIn: (request) => request.query.get('period') === 'week' },
});

describe('AdvDataElement', () => {
  afterEach(unmountAll);

  it('formats with the page language when the widget has no locale', async () => {
    const api = new FakeApi({ 'GET /v1/stats/public': { body: stats('month', 2) } });
    const mounted = await mountWidget(api.client(), html`<test-totals></test-totals>`, { lang: 'fr' });
    await mounted.next('adv-load');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('p')!.textContent!.replace(/\s/g, ' ')).to.equal('120 k');
  });

  it('keeps the data on screen under a notice when a refresh fails', async () => {
    const api = new FakeApi({ 'GET /v1/stats/public': { body: stats('month', 2) } });
    const mounted = await mountWidget<TestTotals>(api.client(), html`<test-totals locale="en"></test-totals>`);
    await mounted.next('adv-load');
    api.set({ 'GET /v1/stats/public': problem(503, 'Unavailable') });
    await mounted.widget.refresh();
    await mounted.next('adv-error');
    await settled(mounted.widget);
    expect(mounted.shadow.querySelector('p')!.textContent).to.equal('120K');
    expect(mounted.shadow.querySelector('[part="stale"]')!.getAttribute('role')).to.equal('alert');
    await expect(mounted.widget).to.be.accessible();
  });
});
