import type { ReactiveControllerHost } from 'lit';
import { AdvHttpError, toAdvError, type AdvClient, type AdvError } from '@advocacy/sdk';

/**
 * - `unknown`: no client that can sign requests yet (the widget shows its signing-in state);
 * - `checking`: `GET /v1/me` is on its way;
 * - `admin`: the admin API may be asked;
 * - `not-admin`: the signed-in employee lacks the programme admin role: nothing is asked;
 * - `error`: `GET /v1/me` failed (see `error`).
 */
export type AdminRoleStatus = 'unknown' | 'checking' | 'admin' | 'not-admin' | 'error';

/** The API refused the caller for lack of a right (not for the page's origin). */
export function isForbidden(error: unknown): error is AdvHttpError {
  return error instanceof AdvHttpError && error.status === 403 && !error.problem.type.endsWith('origin-not-allowed');
}

// One answer per client: five admin widgets on a page ask /v1/me once.
const checks = new WeakMap<AdvClient, Promise<boolean>>();

/**
 * Whether the client's caller may use the admin API, from the employee
 * profile (`GET /v1/me`, `isAdmin`): no admin request is needed to know. A
 * 403 there means the credential is not an employee's (a secret key the
 * page's own server adds): the admin API itself decides then.
 */
export function checkAdminRole(client: AdvClient): Promise<boolean> {
  let check = checks.get(client);
  if (!check) {
    check = client.me.get().then(
      (me) => me.isAdmin,
      (error: unknown) => {
        if (isForbidden(error)) return true;
        checks.delete(client); // a failure is not remembered: retry asks again
        throw error;
      },
    );
    checks.set(client, check);
  }
  return check;
}

/**
 * Knows whether the signed-in employee is a programme admin, for the admin
 * widgets (see `AdvAdminElement`). Re-renders the host when that changes.
 */
export class AdminRoleController {
  readonly #host: ReactiveControllerHost;
  #client: AdvClient | undefined;
  #status: AdminRoleStatus = 'unknown';
  #error: AdvError | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get status(): AdminRoleStatus {
    return this.#status;
  }

  /** Why `GET /v1/me` failed, in the `error` status. */
  get error(): AdvError | undefined {
    return this.#error;
  }

  /** Checks the role of `client`'s caller (undefined: none yet); nothing happens when the client is the same. */
  setClient(client: AdvClient | undefined): void {
    if (client === this.#client) return;
    this.#client = client;
    if (!client) {
      this.#set('unknown');
      return;
    }
    this.#set('checking');
    checkAdminRole(client).then(
      (admin) => {
        if (this.#client === client) this.#set(admin ? 'admin' : 'not-admin');
      },
      (error: unknown) => {
        if (this.#client !== client) return;
        this.#error = toAdvError(error);
        this.#set('error');
      },
    );
  }

  /** Asks again (after an error). */
  retry(): void {
    const client = this.#client;
    this.#client = undefined;
    this.setClient(client);
  }

  /** An admin call was refused (403): the role was taken away meanwhile. */
  lost(): void {
    if (this.#client) checks.set(this.#client, Promise.resolve(false));
    this.#set('not-admin');
  }

  #set(status: AdminRoleStatus): void {
    if (status !== 'error') this.#error = undefined;
    if (status === this.#status) return;
    this.#status = status;
    this.#host.requestUpdate();
  }
}
