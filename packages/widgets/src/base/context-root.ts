import { ContextRoot } from '@lit/context';

const ROOT_ATTACHED = Symbol.for('advocacy-kit/context-root');

/**
 * Keeps context requests that nobody answered yet, and replays them when a
 * provider appears later: `configure()` called after the widgets are on the
 * page, or an `<adv-provider>` defined after its children. Attached once per
 * document, even with two copies of the kit loaded.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = document as Document & { [ROOT_ATTACHED]?: true };
  if (holder[ROOT_ATTACHED]) return;
  holder[ROOT_ATTACHED] = true;
  // On `document`, above the `configure()` provider on <html>: it only sees requests nobody answered.
  new ContextRoot().attach(document as unknown as HTMLElement);
}
