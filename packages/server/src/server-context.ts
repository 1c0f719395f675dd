import type { Authenticator } from './http/contract-route.js';
import type { Db } from './db/db.js';

/** What every route plugin gets from `buildApp()`. */
export interface ServerContext {
  db: Db;
  /** Checks the request's credential (memoised per request). */
  authenticate: Authenticator;
  demoMode: boolean;
  /** The clock; tests move it to cross period boundaries. */
  now: () => Date;
  version: string;
}
