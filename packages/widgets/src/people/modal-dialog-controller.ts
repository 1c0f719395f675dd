import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * Shows the host's `<dialog>` as a modal (the browser keeps focus inside and
 * makes the rest inert) once its content is rendered, focuses a chosen
 * control in it, and, however it closes (a button, Escape, done), gives
 * focus back to the first of the places named when it was opened that
 * still exists: the opener may have been re-rendered meanwhile.
 */
export class ModalDialogController implements ReactiveController {
  readonly #host: Host;
  /** The control to focus once the dialog shows; set by open() until then. */
  #focusOnOpen: string | undefined;
  #returnTo: readonly string[] = [];

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** Shows the dialog at the host's next update. */
  open(focusOnOpen: string, returnTo: readonly string[]): void {
    this.#focusOnOpen = focusOnOpen;
    this.#returnTo = returnTo;
    this.#host.requestUpdate();
  }

  close(): void {
    this.#dialog()?.close();
  }

  hostUpdated(): void {
    const dialog = this.#dialog();
    const focus = this.#focusOnOpen;
    if (focus === undefined || !dialog) return;
    this.#focusOnOpen = undefined;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>(focus)?.focus();
  }

  /** Call from the dialog's `close` event: focus goes back once the host has rendered the change. */
  async closed(): Promise<void> {
    const returnTo = this.#returnTo;
    this.#returnTo = [];
    await this.#host.updateComplete;
    for (const selector of returnTo) {
      const found = this.#host.renderRoot.querySelector<HTMLElement>(selector);
      if (found) {
        found.focus();
        return;
      }
    }
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }
}
