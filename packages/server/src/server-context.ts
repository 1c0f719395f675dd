import type { FastifyRequest } from 'fastify';
import type { Authenticator } from './http/contract-route.js';
import type { ChangeFeed } from './db/change-feed.js';
import type { Db } from './db/db.js';
import type { ClickRecorder } from './domain/click-recorder.js';

/** What every route plugin gets from `buildApp()`. */
export interface ServerContext {
  db: Db;
  /** Checks the request's credential (memoised per request). */
  authenticate: Authenticator;
  demoMode: boolean;
  /** The clock; tests move it to cross period boundaries. */
  now: () => Date;
  version: string;
  /** Changes committed on any instance, for caches to drop what they name. */
  changes: ChangeFeed;
  /** Records tracked-link requests after their redirect has gone out. */
  clicks: ClickRecorder;
  /** Origin tracked links are built on: the configured public URL, else the request's own scheme and host. */
  publicOrigin: (request: FastifyRequest) => string;
}
