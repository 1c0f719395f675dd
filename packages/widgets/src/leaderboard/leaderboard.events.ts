/** The caller joined or left the leaderboard (their choice is saved). */
export class AdvOptInEvent extends Event {
  static readonly type = 'adv-opt-in';
  readonly detail: { readonly optedIn: boolean };
  constructor(detail: { optedIn: boolean }) {
    super(AdvOptInEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'adv-opt-in': AdvOptInEvent;
  }
}
