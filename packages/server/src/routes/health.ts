import type { FastifyPluginAsync } from 'fastify';
import { routes, type Health } from '@advocacy/sdk/contract';
import type { Db } from '../db/db.js';

export interface HealthRouteOptions {
  db: Db;
  version: string;
}

const PING_TIMEOUT_MS = 2_000;

/** `GET /healthz`: 200 when the database answers `SELECT 1`, 503 otherwise. */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { db, version }) => {
  app.route({
    method: routes.health.method,
    url: routes.health.path,
    handler: async (_request, reply) => {
      const started = performance.now();
      const up = await ping(db);
      const body: Health = {
        status: up ? 'ok' : 'degraded',
        version,
        database: {
          up,
          driver: db.driver,
          ...(up ? { latencyMs: Math.round((performance.now() - started) * 100) / 100 } : {}),
        },
      };
      return reply.code(up ? 200 : 503).header('cache-control', 'no-store').send(body);
    },
  });
};

async function ping(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.query('SELECT 1 AS one').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
