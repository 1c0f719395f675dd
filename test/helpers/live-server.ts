import type { FastifyInstance } from 'fastify';
import { buildApp, type AppSettings } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';

export interface LiveServer {
  app: FastifyInstance;
  db: Db;
  /** `http://127.0.0.1:<port>/` */
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real API on a fresh database, listening on a free loopback port. */
export async function startLiveServer(
  kind: DatabaseKind = 'pglite',
  settings: Partial<AppSettings> = {},
  configure?: (app: FastifyInstance) => void,
): Promise<LiveServer> {
  const db = await openTestDatabase(kind);
  await migrate(db);
  const app = await buildApp(db, { version: 'test', demoMode: true, ...settings });
  configure?.(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    baseUrl: `${address}/`,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
