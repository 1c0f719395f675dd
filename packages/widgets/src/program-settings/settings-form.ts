import type { ReactiveControllerHost } from 'lit';
import type { AdvClient } from '@advocacy/sdk';
import type { MessageParams } from '../base/localize.js';
import type { AdminMessageKey } from '../translations/admin.js';

/** The section a save, an error or a notice belongs to. */
export type Section = 'points' | 'earnedMedia' | 'disclosure' | 'domains' | 'origins' | 'keys' | 'identity' | 'test';

/**
 * What <adv-program-settings> lends the controllers of its flows (keys,
 * "test a token", audit): one save flow, one busy flag, one live region and
 * the same field rendering for every section. Like `AdminRoleController`,
 * the controllers hold state and ask the host to render again; they need no
 * lifecycle callback, so they are not registered with `addController()`.
 */
export interface SettingsFormHost extends Pick<ReactiveControllerHost, 'requestUpdate' | 'updateComplete'> {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly client: AdvClient | undefined;
  /** The section whose change is on its way, if any: every action button is disabled meanwhile. */
  readonly busySection: Section | undefined;
  /** Translates a key of the admin catalog. */
  a(key: AdminMessageKey, params?: MessageParams): string;
  date(value: string, options?: Intl.DateTimeFormatOptions): string;
  /** "Loading" in the widget's language. */
  loadingText(): string;
  /**
   * Runs a change for one section: field errors go next to their fields,
   * other failures under the section (both with adv-error); success (the
   * message returned, else "Saved") is said in the live region and the
   * settings are loaded again unless `reload` is false. True when it worked.
   */
  run(section: Section, change: (client: AdvClient) => Promise<string | undefined>, options?: { reload?: boolean }): Promise<boolean>;
  /** Empties the live region. */
  clearNotice(): void;
  /** Emits adv-error (and shows the admin-required state when the role is gone). */
  failed(error: unknown): void;
  fieldError(section: Section, field: string): string | undefined;
  renderFieldError(section: Section, field: string): unknown;
  renderText(section: Section, name: string, label: string, value: string): unknown;
}

/** The form a submit event came from; the browser's own submission is stopped. */
export function formOf(event: SubmitEvent): HTMLFormElement {
  event.preventDefault();
  return event.target as HTMLFormElement;
}

/** A form field's value, trimmed ('' when there is no such field). */
export function valueOf(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  return field?.value.trim() ?? '';
}

/** A textarea's non-empty lines, trimmed. */
export const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
