import { html, render, type TemplateResult } from 'lit';
import { waitUntil } from '@open-wc/testing';
import type { AdvClient } from '@advocacy/sdk';
import '@advocacy/widgets/define/adv-provider.js';

export interface Mounted<E extends HTMLElement> {
  /** The widget (the first element of the template). */
  readonly widget: E;
  /** Every `adv-*` event that reached the provider, in order. */
  readonly events: Event[];
  /** Resolves with the next event of a type (or one already seen since the last call for it). */
  next(type: string): Promise<Event>;
  /** The widget's shadow root. */
  readonly shadow: ShadowRoot;
  remove(): void;
}

const mounted: HTMLElement[] = [];

/** Removes what `mountWidget` put in the page; call in `afterEach`. */
export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/**
 * Renders `template` inside an `<adv-provider>` holding `client`, listening
 * for `adv-*` events before the widget connects, so none is missed.
 */
export async function mountWidget<E extends HTMLElement>(client: AdvClient, template: TemplateResult, options: { lang?: string } = {}): Promise<Mounted<E>> {
  const container = document.createElement('div');
  if (options.lang) container.lang = options.lang;
  document.body.append(container);
  mounted.push(container);
  const events: Event[] = [];
  const consumed = new Map<string, number>();
  for (const type of ['adv-load', 'adv-error', 'adv-share', 'adv-submit', 'adv-withdraw', 'adv-opt-in']) {
    container.addEventListener(type, (event) => events.push(event));
  }
  render(html`<adv-provider .client=${client}>${template}</adv-provider>`, container);
  const provider = container.querySelector('adv-provider')!;
  await provider.updateComplete;
  const widget = provider.firstElementChild as E;
  await customElements.whenDefined(widget.localName);
  await (widget as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return {
    widget,
    events,
    get shadow() {
      return widget.shadowRoot!;
    },
    async next(type) {
      const seen = consumed.get(type) ?? 0;
      await waitUntil(() => events.filter((event) => event.type === type).length > seen, `no ${type} event`, { timeout: 4000 });
      consumed.set(type, seen + 1);
      return events.filter((event) => event.type === type)[seen]!;
    },
    remove: () => container.remove(),
  };
}

/** Waits for the widget to finish rendering after a state change. */
export async function settled(element: HTMLElement): Promise<void> {
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
}
