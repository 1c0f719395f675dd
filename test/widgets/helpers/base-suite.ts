// The suite every data widget passes (after Shoelace's base tests): the four
// states are accessible, the base part exists, adv-load / adv-error fire,
// changing a key attribute fetches again, and a widget whose data needs an
// employee token waits for getToken (signing in) while a public one does not.
import { expect, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { AdvErrorEvent, AdvLoadEvent, type AdvProvider } from '@advocacy/widgets';
import { FakeApi, pending, problem, type FakeRequest, type FakeRoutes } from '../../helpers/fake-api.js';
import { mountWidget, settled, unmountAll } from './mount.js';

export interface BaseSuiteOptions {
  tag: string;
  /** The widget, with its key attribute set to `key`. */
  template: (key: string) => TemplateResult;
  /** Routes with which the widget becomes ready with data. */
  ready: FakeRoutes;
  /** Routes with which it has nothing to show. */
  empty: FakeRoutes;
  /** The route(s) whose failure is the widget's error state. */
  failing: readonly string[];
  /** The key attribute: two values, and where the second shows in the request. */
  key: { attribute: string; values: readonly [string, string]; seenIn: (request: FakeRequest) => boolean };
  /** What the widget's data needs: an employee token (it waits for getToken), or a publishable key is enough. */
  credential: 'token' | 'key';
}

const TOKEN = 'Bearer fake-employee-token';

/** Lets a store that was going to fetch do so (its requests start within a few tasks). */
const aFewTasks = () => new Promise((resolve) => setTimeout(resolve, 50));

function routesAnswering(paths: readonly string[], handler: FakeRoutes[string]): FakeRoutes {
  return Object.fromEntries(paths.map((path) => [path, handler]));
}

export function runBaseSuite(options: BaseSuiteOptions): void {
  describe(`<${options.tag}> base suite`, () => {
    afterEach(unmountAll);

    it('is accessible while loading, with aria-busy on its base part', async () => {
      const api = new FakeApi({ ...options.ready, ...routesAnswering(options.failing, pending) });
      const { widget, shadow } = await mountWidget(api.client(), options.template(options.key.values[0]));
      await waitUntil(() => options.failing.some((route) => api.requestsTo(route).length > 0), 'no request was made');
      await settled(widget);
      const base = shadow.querySelector('[part~="base"]');
      expect(base, 'part="base"').not.to.equal(null);
      expect(base!.getAttribute('aria-busy')).to.equal('true');
      await expect(widget).to.be.accessible();
    });

    it('shows its ready state, emits adv-load { empty: false }, and is accessible', async () => {
      const api = new FakeApi(options.ready);
      const mounted = await mountWidget(api.client(), options.template(options.key.values[0]));
      const load = (await mounted.next('adv-load')) as AdvLoadEvent;
      expect(load).to.be.instanceOf(AdvLoadEvent);
      expect(load.detail.empty).to.equal(false);
      expect(load.bubbles && load.composed).to.equal(true);
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      await expect(mounted.widget).to.be.accessible();
    });

    it('shows its empty state with a default message and an `empty` slot, and is accessible', async () => {
      const api = new FakeApi({ ...options.ready, ...options.empty });
      const mounted = await mountWidget(api.client(), options.template(options.key.values[0]));
      const load = (await mounted.next('adv-load')) as AdvLoadEvent;
      expect(load.detail.empty).to.equal(true);
      await settled(mounted.widget);
      const slot = mounted.shadow.querySelector<HTMLSlotElement>('slot[name="empty"]');
      expect(slot, 'slot name="empty"').not.to.equal(null);
      expect(slot!.textContent!.trim().length).to.be.greaterThan(0);
      await expect(mounted.widget).to.be.accessible();
    });

    it('shows an alert with a retry button on failure, emits adv-error, and recovers on retry', async () => {
      const api = new FakeApi({ ...options.ready, ...routesAnswering(options.failing, problem(500, 'Internal Server Error')) });
      const mounted = await mountWidget(api.client(), options.template(options.key.values[0]));
      const error = (await mounted.next('adv-error')) as AdvErrorEvent;
      expect(error).to.be.instanceOf(AdvErrorEvent);
      expect(error.detail.error.name).to.equal('AdvHttpError');
      await settled(mounted.widget);
      const alert = mounted.shadow.querySelector('[role="alert"]');
      expect(alert, 'role="alert"').not.to.equal(null);
      expect(mounted.shadow.querySelector('slot[name="error"]'), 'slot name="error"').not.to.equal(null);
      await expect(mounted.widget).to.be.accessible();

      api.set(options.ready);
      const retry = [...mounted.shadow.querySelectorAll<HTMLButtonElement>('button[part~="retry"]')].at(-1);
      expect(retry, 'retry button').not.to.equal(undefined);
      retry!.click();
      await mounted.next('adv-load');
      await settled(mounted.widget);
      expect(mounted.shadow.querySelector('[role="alert"]')).to.equal(null);
    });

    if (options.credential === 'token') {
      for (const [lang, status] of [
        ['en', 'Signing in…'],
        ['fr', 'Connexion…'],
      ] as const) {
        it(`without getToken, asks nothing and shows an accessible signing-in status (${lang})`, async () => {
          const api = new FakeApi(options.ready);
          const mounted = await mountWidget(api.client({ getToken: undefined }), options.template(options.key.values[0]), { lang });
          // A widget's own locale wins over the page's lang (the testimonial form's key attribute is its locale).
          mounted.widget.setAttribute('locale', lang);
          await aFewTasks();
          await settled(mounted.widget);
          expect(api.requests, 'no request without a token').to.deep.equal([]);
          const signingIn = mounted.shadow.querySelector('[part~="signing-in"]');
          expect(signingIn, 'part="signing-in"').not.to.equal(null);
          expect(signingIn!.getAttribute('role')).to.equal('status');
          expect(signingIn!.textContent!.trim()).to.equal(status);
          expect(mounted.shadow.querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
          expect(mounted.shadow.querySelector('[role="alert"]'), 'nothing alarming').to.equal(null);
          expect(mounted.events, 'neither adv-load nor adv-error').to.deep.equal([]);
          await expect(mounted.widget).to.be.accessible();
        });
      }

      it('loads, with the token, as soon as its client has getToken', async () => {
        const api = new FakeApi(options.ready);
        const mounted = await mountWidget(api.client({ getToken: undefined }), options.template(options.key.values[0]));
        await aFewTasks();
        expect(api.requests).to.deep.equal([]);
        (mounted.widget.parentElement as AdvProvider).client = api.client();
        await mounted.next('adv-load');
        await settled(mounted.widget);
        expect(mounted.shadow.querySelector('[part~="signing-in"]')).to.equal(null);
        expect(api.requests.length).to.be.greaterThan(0);
        expect(api.requests.map((request) => request.headers.get('authorization'))).to.deep.equal(api.requests.map(() => TOKEN));
      });
    } else {
      it('loads with a publishable key alone: it does not wait for getToken', async () => {
        const api = new FakeApi(options.ready);
        const mounted = await mountWidget(api.client({ getToken: undefined }), options.template(options.key.values[0]));
        await mounted.next('adv-load');
        await settled(mounted.widget);
        expect(mounted.shadow.querySelector('[part~="signing-in"]')).to.equal(null);
        expect(api.requests.length).to.be.greaterThan(0);
        expect(api.requests.every((request) => request.headers.get('authorization')?.startsWith('Bearer pk_'))).to.equal(true);
      });
    }

    it(`fetches again when ${options.key.attribute} changes`, async () => {
      const api = new FakeApi(options.ready);
      const mounted = await mountWidget(api.client(), options.template(options.key.values[0]));
      await mounted.next('adv-load');
      expect(api.requests.some(options.key.seenIn), 'the second key is not asked for yet').to.equal(false);
      mounted.widget.setAttribute(options.key.attribute, options.key.values[1]);
      await waitUntil(() => api.requests.some(options.key.seenIn), `no request for ${options.key.attribute}="${options.key.values[1]}"`);
      await mounted.next('adv-load');
    });
  });
}
