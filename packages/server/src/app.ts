import { randomUUID } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/db.js';
import { installErrorHandling } from './http/error-handling.js';
import { healthRoutes } from './routes/health.js';
import { openApiRoutes } from './routes/openapi.js';
import { startPageRoutes, type StartLink } from './routes/start-page.js';

/** A folder served as-is under a URL prefix (CDN bundle, themes, demo pages, Storybook). */
export interface StaticSite {
  /** URL prefix with both slashes, e.g. `/cdn/`. */
  prefix: string;
  /** Absolute folder path. */
  root: string;
  label: string;
  description: string;
  /** Page to link from the start page, relative to the prefix; the prefix itself when absent. */
  entry?: string;
}

export interface AppSettings {
  version: string;
  /** Demo data and demo-only routes; on unless NODE_ENV=production. */
  demoMode: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Folders to serve; the caller passes only those that exist. */
  staticSites?: StaticSite[];
  /** Honour `X-Forwarded-For` from this many proxies (or `true` for any). */
  trustProxy?: FastifyServerOptions['trustProxy'];
}

const JSON_BODY_LIMIT_BYTES = 16 * 1024;

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

  await app.register(healthRoutes, { db, version: settings.version });
  await app.register(openApiRoutes, { version: settings.version });

  const sites = settings.staticSites ?? [];
  for (const [index, site] of sites.entries()) {
    await app.register(fastifyStatic, {
      root: site.root,
      prefix: site.prefix,
      decorateReply: index === 0,
      index: ['index.html'],
      redirect: true,
      dotfiles: 'deny',
    });
  }

  const links: StartLink[] = [
    ...sites.map((site) => ({ href: site.prefix + (site.entry ?? ''), label: site.label, description: site.description })),
    { href: '/v1/openapi.json', label: 'OpenAPI document', description: 'The API contract, generated from the SDK schemas.' },
    { href: '/healthz', label: 'Health', description: 'Whether the API and its database answer.' },
  ];
  await app.register(startPageRoutes, { links, version: settings.version });

  return app;
}
