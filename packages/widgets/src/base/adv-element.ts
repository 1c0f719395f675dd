import { LitElement, css, type CSSResultGroup } from 'lit';
import { WIDGETS_VERSION } from '../version.js';
import { watchWidgetRoot } from '../loader/widget-roots.js';
import { ensureContextRoot } from './context-root.js';

/**
 * Base of every widget: shared host styles, a typed `emit()`, and the
 * version `defineElement()` checks.
 */
export class AdvElement extends LitElement {
  /** Version of the code that defined this class. */
  static readonly advVersion: string = WIDGETS_VERSION;

  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      box-sizing: border-box;
      color: var(--adv-color-text, CanvasText);
      font-family: var(--adv-font-family, system-ui, sans-serif);
      font-size: var(--adv-font-size, 1rem);
      line-height: var(--adv-line-height, 1.5);
    }
    :host([hidden]) {
      display: none !important;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    // The CDN loader upgrades `adv-*` tags this widget renders in its shadow root.
    watchWidgetRoot(this.renderRoot);
  }

  /** Dispatches one of the `adv-*` event classes from `events.ts`; false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}

type AdvElementClass = CustomElementConstructor & { readonly advVersion?: string };

/**
 * Registers a tag once. A second copy of the kit on the page (two bundles,
 * or the CDN bundle beside an npm build) is ignored, with a warning when its
 * version differs, instead of throwing.
 */
export function defineElement(tag: string, element: AdvElementClass): void {
  ensureContextRoot();
  const existing = customElements.get(tag) as AdvElementClass | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing !== element && existing.advVersion !== element.advVersion) {
    console.warn(
      `<${tag}> is already defined by Advocacy Kit ${existing.advVersion ?? '(unknown version)'}; ` +
        `the copy from ${element.advVersion ?? '(unknown version)'} is not used. Load the kit once per page.`,
    );
  }
}
