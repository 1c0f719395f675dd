import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import * as z from 'zod/mini';
import { authenticate } from './auth/authenticate.js';
import { installCors } from './auth/cors.js';
import { JwtVerifier } from './auth/jwt.js';
import type { Principal } from './auth/principal.js';
import { ChangeFeed } from './db/change-feed.js';
import { withAmbientTransactions } from './db/ambient-transaction.js';
import type { Db } from './db/db.js';
import { ClickJournal } from './domain/click-journal.js';
import { ClickRecorder } from './domain/click-recorder.js';
import { installErrorHandling } from './http/error-handling.js';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimitSettings, type RateLimitStorage } from './http/rate-limits.js';
import { openRateLimitRedis, sharedRateLimitStore } from './http/shared-rate-limit-store.js';
import { registerStaticSites, type StaticSite } from './http/static-sites.js';
import { installRequestMetrics } from './metrics/request-metrics.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { adminRoutes } from './routes/admin.js';
import { adminPeopleRoutes } from './routes/admin-people.js';
import { adminAuditRoutes } from './routes/admin-audit.js';
import { contentRoutes } from './routes/content.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { leaderboardRoutes } from './routes/leaderboard.js';
import { meRoutes } from './routes/me.js';
import { openApiRoutes } from './routes/openapi.js';
import { redirectRoutes } from './routes/redirect.js';
import { shareRoutes } from './routes/shares.js';
import { startPageRoutes, type StartLink } from './routes/start-page.js';
import { adminStatsRoutes } from './routes/admin-stats.js';
import { statsRoutes } from './routes/stats.js';
import { testimonialRoutes } from './routes/testimonials.js';
import type { ServerContext } from './server-context.js';
import type { ServerExtension } from './server-extension.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the tracked-link clicks recorded so far (tests and shutdown). */
    flushClickRecording(): Promise<void>;
    /** The click recorder: `backlog`, `backlogLimit`, `stats` for metrics and readiness (see its JSDoc). */
    clickRecorder: ClickRecorder;
    /** This instance's Prometheus metrics, served apart (metrics/metrics-server.ts). */
    metrics: ServerMetrics;
  }
}

// Readable validation messages ("Too big: expected string to have <=1200 characters") in problem documents.
z.config(z.locales.en());

export type { StaticSite } from './http/static-sites.js';

export interface AppSettings {
  version: string;
  /** Demo data and demo-only routes; on unless NODE_ENV=production. */
  demoMode: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Lines for the start page under its links (how to build what is missing). */
  startNotes?: string[];
  /** Optional parts plugged in by whoever starts the server (the demo). */
  extensions?: ServerExtension[];
  /** Folders to serve; the caller passes only those that exist. */
  staticSites?: StaticSite[];
  /** Honour `X-Forwarded-For` from this many proxies (or `true` for any). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  rateLimits?: RateLimitSettings;
  /** Redis or Valkey shared by every instance for rate limits (`REDIS_URL`); in memory, per instance, without it. */
  redisUrl?: string;
  /**
   * Folder of this instance's click journal (one instance per folder); a
   * temporary folder, removed on close, when unset (in-memory tests).
   */
  clickJournalDir?: string;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Public origin of the API (`https://go.acme.example`), used in tracked links; defaults to the request's host. */
  publicUrl?: string;
}

const JSON_BODY_LIMIT_BYTES = 16 * 1024;
/** Tracked links get this many times the anonymous per-IP limit. */
const TRACKED_LINK_LIMIT_FACTOR = 10;

/** Builds the API around an open database. Does not listen: `main.ts` and tests decide that. */
export async function buildApp(db: Db, settings: AppSettings): Promise<FastifyInstance> {
  const app = Fastify({
    logger: settings.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: settings.trustProxy ?? false,
    return503OnClosing: true,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
  });
  installErrorHandling(app);
  const rateLimits = settings.rateLimits ?? DEFAULT_RATE_LIMITS;
  const extensions = settings.extensions ?? [];

  const now = settings.now ?? (() => new Date());
  const verifier = new JwtVerifier({ demoMode: settings.demoMode, now });
  const principals = new WeakMap<FastifyRequest, Promise<Principal | null>>();
  const journal = await ClickJournal.open(settings.clickJournalDir, { holder: 'an Advocacy Kit server' });
  const clicks = new ClickRecorder(db, journal, { onError: (error) => app.log.error({ err: error }, 'recording tracked-link clicks failed') });
  clicks.start();
  app.decorate('flushClickRecording', () => clicks.flush());
  app.decorate('clickRecorder', clicks);
  app.addHook('onClose', () => clicks.close());
  // Committed changes on any instance, for this one's caches.
  const changes = new ChangeFeed();
  await changes.start(db);
  app.addHook('onClose', () => changes.close());
  const context: ServerContext = {
    changes,
    // Route handlers' queries join an idempotent request's transaction (see idempotency.ts).
    db: withAmbientTransactions(db),
    clicks,
    demoMode: settings.demoMode,
    version: settings.version,
    now,
    publicOrigin: (request) => (settings.publicUrl ? new URL(settings.publicUrl).origin : `${request.protocol}://${request.host}`),
    authenticate: (request) => {
      let principal = principals.get(request);
      if (!principal) {
        principal = authenticate(db, verifier, request);
        principals.set(request, principal);
      }
      return principal;
    },
  };

  const metrics = new ServerMetrics({ poolUse: db.poolUse?.bind(db), clicks });
  app.decorate('metrics', metrics);
  installRequestMetrics(app, metrics);

  const redis = settings.redisUrl ? await openRateLimitRedis(settings.redisUrl) : undefined;
  if (redis) app.addHook('onClose', () => redis.quit().then(() => {}, () => redis.disconnect()));
  const limitStorage = (scope: 'api' | 'links'): RateLimitStorage => ({
    onRefused: metrics.refused(scope),
    store: redis
      ? sharedRateLimitStore(redis, `advocacy:rate-limit:${scope}:`, (event) =>
          event.kind === 'unavailable'
            ? app.log.warn({ err: event.error }, 'Redis does not answer: rate limits are counted by each instance alone until it does')
            : app.log.warn('Redis answers again: rate limits are shared again'),
        )
      : undefined,
  });

  await app.register(healthRoutes, { db, version: settings.version, recorder: clicks });
  // The JSON API: CORS for the pages that call it, and rate limits per key, employee and IP.
  await app.register(async (api) => {
    await installCors(api, db, context.authenticate);
    await installRateLimits(api, rateLimits, context.authenticate, limitStorage('api'));
    await api.register(openApiRoutes, { version: settings.version });
    for (const plugin of [contentRoutes, shareRoutes, leaderboardRoutes, meRoutes, testimonialRoutes, statsRoutes, eventRoutes, adminRoutes, adminPeopleRoutes, adminStatsRoutes, adminAuditRoutes]) {
      await api.register(plugin, context);
    }
    for (const extension of extensions) if (extension.api) await api.register(extension.api, context);
  });
  // Pages of the extensions (the demo's intranet and career site): outside the JSON API.
  for (const extension of extensions) if (extension.pages) await app.register(extension.pages, context);
  // Tracked links: followed by browsers, never fetched cross-origin, so no CORS; a looser per-IP limit,
  // since many readers share one office or carrier address. Kept lean: it is the hottest path.
  await app.register(async (links) => {
    // Readers carry no credential: every link request counts against its network.
    await installRateLimits(links, { ...rateLimits, perAnonymousIp: rateLimits.perAnonymousIp * TRACKED_LINK_LIMIT_FACTOR }, async () => null, limitStorage('links'));
    await links.register(redirectRoutes, context);
  });

  const sites = [...(settings.staticSites ?? []), ...extensions.flatMap((extension) => extension.staticSites ?? [])];
  await registerStaticSites(app, sites);

  const links: StartLink[] = [
    ...sites.map((site) => ({ href: site.prefix + (site.entry ?? ''), label: site.label, description: site.description })),
    { href: '/v1/openapi.json', label: 'OpenAPI document', description: 'The API contract, generated from the SDK schemas.' },
    { href: '/healthz', label: 'Health', description: 'Whether the API and its database answer.' },
    { href: '/readyz', label: 'Readiness', description: 'Whether this instance can take traffic: database and click journal writable, click backlog under its bound.' },
  ];
  await app.register(startPageRoutes, { links, notes: settings.startNotes ?? [], version: settings.version });

  return app;
}
