// Employee widgets wait for their credential (issue 13): a page that hands
// the provider (or configure()) its getToken only after the widgets are on
// the page, as the README's snippet does, sends no request without a token,
// shows a quiet "Signing in…", then loads. Public widgets do not wait.
// The base suite checks each widget alone; this file checks whole pages.
import { html, render } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { configure, type AdvLoadEvent, type AdvProvider } from '@advocacy/widgets';
import '@advocacy/widgets/define/adv-provider.js';
import '@advocacy/widgets/define/adv-leaderboard.js';
import '@advocacy/widgets/define/adv-my-impact.js';
import '@advocacy/widgets/define/adv-program-stats.js';
import '@advocacy/widgets/define/adv-share-card.js';
import '@advocacy/widgets/define/adv-share-feed.js';
import '@advocacy/widgets/define/adv-testimonial-form.js';
import '@advocacy/widgets/define/adv-testimonials.js';
import { FAKE_API_URL, FakeApi, type FakeRoutes } from '../helpers/fake-api.js';
import { CONTENT_ID, contentFixture, contentPage } from '../helpers/fixtures/content.js';
import { leaderboard } from '../helpers/fixtures/leaderboard.js';
import { me, publicStats, sharePage, stats } from '../helpers/fixtures/stats.js';
import { consent, myTestimonials, testimonialsPage } from '../helpers/fixtures/testimonials.js';

/** Everything the widgets of an intranet page ask for. */
const PAGE_API: FakeRoutes = {
  'GET /v1/content': { body: contentPage(2) },
  'GET /v1/content/:id': { body: contentFixture() },
  'GET /v1/leaderboard': { body: leaderboard() },
  'GET /v1/me': { body: me() },
  'GET /v1/shares': { body: sharePage([]) },
  'GET /v1/stats': { body: stats() },
  'GET /v1/stats/public': { body: publicStats() },
  'GET /v1/testimonials': { body: testimonialsPage(3) },
  'GET /v1/testimonials/consent': { body: consent() },
  'GET /v1/testimonials/mine': { body: myTestimonials() },
};

const EMPLOYEE_WIDGETS = html`
  <adv-share-feed></adv-share-feed>
  <adv-share-card content-id=${CONTENT_ID}></adv-share-card>
  <adv-leaderboard></adv-leaderboard>
  <adv-my-impact></adv-my-impact>
  <adv-program-stats></adv-program-stats>
  <adv-testimonial-form></adv-testimonial-form>
`;
const EMPLOYEE_TAGS = ['adv-share-feed', 'adv-share-card', 'adv-leaderboard', 'adv-my-impact', 'adv-program-stats', 'adv-testimonial-form'];
const PUBLIC_WIDGETS = html`<adv-testimonials></adv-testimonials><adv-program-stats public></adv-program-stats>`;

const aFewTasks = () => new Promise((resolve) => setTimeout(resolve, 50));

function signingIn(widget: Element): boolean {
  return Boolean(widget.shadowRoot?.querySelector('[part~="signing-in"][role="status"]'));
}

/** Records what the page writes to console.error and console.warn while `run` runs. */
async function consoleDuring(run: () => Promise<void>): Promise<unknown[][]> {
  const written: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void written.push(args);
  console.warn = (...args: unknown[]) => void written.push(args);
  try {
    await run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return written;
}

describe('employee widgets wait for getToken', () => {
  const containers: HTMLElement[] = [];
  const mount = () => {
    const container = document.createElement('div');
    document.body.append(container);
    containers.push(container);
    return container;
  };
  afterEach(() => {
    for (const container of containers.splice(0)) container.remove();
  });

  it("the README's snippet: <adv-provider api-url publishable-key>, getToken set later by a script: nothing is sent before it, then every widget loads", async () => {
    // The provider builds its own client with the browser's fetch: its requests are counted as the browser
    // sees them (resource timing), to an address on the test server that never answers with data.
    const apiUrl = new URL('/__advocacy-readme-api/', location.origin).href;
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.name).filter((name) => name.startsWith(apiUrl))));
    observer.observe({ type: 'resource' });
    try {
      const container = mount();
      render(html`<adv-provider api-url=${apiUrl} publishable-key="pk_test_readme0123456789abcdef">${EMPLOYEE_WIDGETS}</adv-provider>`, container);
      const provider = container.querySelector<AdvProvider>('adv-provider')!;
      const widgets = EMPLOYEE_TAGS.map((tag) => container.querySelector(tag)!);
      await waitUntil(() => widgets.every(signingIn), 'every employee widget says it is signing in');
      await aFewTasks();
      expect(seen, 'no request before getToken').to.deep.equal([]);

      let asked = 0;
      provider.getToken = () => {
        asked += 1;
        return 'employee-token';
      };
      await waitUntil(() => widgets.every((widget) => !signingIn(widget)), 'every widget leaves "signing in"');
      await waitUntil(() => asked > 0 && seen.length > 0, 'the widgets ask for the token, then send their requests');
    } finally {
      observer.disconnect();
    }
  });

  it('configure() without getToken, then with it: the employee widgets ask nothing, the public ones load at once; then all load, no failed request, nothing in the console', async () => {
    const statuses: number[] = [];
    const api = new FakeApi(PAGE_API);
    // The fake API's fetch, handed to the client, recording each answer's status.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await api.fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const settings = { apiUrl: FAKE_API_URL, publishableKey: 'pk_test_fakeapi0123456789abcd', fetch };
    const loads: AdvLoadEvent[] = [];
    const written = await consoleDuring(async () => {
      configure(settings);
      const container = mount();
      container.addEventListener('adv-load', (event) => loads.push(event as AdvLoadEvent));
      render(html`${EMPLOYEE_WIDGETS}${PUBLIC_WIDGETS}`, container);
      const employees = EMPLOYEE_TAGS.map((tag) => container.querySelector(tag)!);

      await waitUntil(() => loads.length === 2, 'the two public widgets load with the publishable key alone');
      expect(loads.map((event) => (event.target as Element).localName).sort()).to.deep.equal(['adv-program-stats', 'adv-testimonials']);
      // Testimonials ask twice: the page's language, then the other languages in the background (other-locales-controller.ts).
      await waitUntil(() => api.requests.length >= 3, 'the background lookup of other languages');
      expect(api.requests.map((request) => request.path).sort()).to.deep.equal(['/v1/stats/public', '/v1/testimonials', '/v1/testimonials']);
      expect(employees.every(signingIn), 'the employee widgets are signing in').to.equal(true);

      configure({ ...settings, getToken: () => 'fake-employee-token' });
      await waitUntil(() => employees.every((widget) => loads.some((event) => event.target === widget)), 'every employee widget loads', { timeout: 4000 });
      expect(api.requests.filter((request) => !request.path.endsWith('/public') && request.path !== '/v1/testimonials').every((request) => request.headers.get('authorization') === 'Bearer fake-employee-token')).to.equal(true);
    });
    expect(statuses.filter((status) => status >= 400), 'no failed request').to.deep.equal([]);
    expect(written, 'no console error or warning').to.deep.equal([]);
  });
});
