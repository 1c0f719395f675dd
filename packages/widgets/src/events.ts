/** Every `adv-*` event bubbles and crosses shadow roots, so a page can listen on `document`. */
const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** A widget's data arrived and it rendered its ready (or empty) state. */
export class AdvLoadEvent extends Event {
  static readonly type = 'adv-load';
  readonly detail: { readonly empty: boolean };
  constructor(detail: { empty: boolean }) {
    super(AdvLoadEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

/** A widget could not load or act; `detail.error` is the SDK's typed error. */
export class AdvErrorEvent extends Event {
  static readonly type = 'adv-error';
  readonly detail: { readonly error: Error };
  constructor(detail: { error: Error }) {
    super(AdvErrorEvent.type, EVENT_INIT);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'adv-load': AdvLoadEvent;
    'adv-error': AdvErrorEvent;
  }
}
