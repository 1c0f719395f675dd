import { mkdir } from 'node:fs/promises';
import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DatabaseLocation {
  /** `postgres://…`: use that server. */
  databaseUrl?: string | undefined;
  /** Otherwise: embedded PGlite persisted in this folder (created if missing). */
  dataDir?: string | undefined;
  /** Postgres only: statements running longer are cancelled. PGlite runs in-process and cannot interrupt one. */
  statementTimeoutMs?: number | undefined;
}

/** Opens Postgres when a URL is given, else the embedded database. */
export async function openDatabase(location: DatabaseLocation): Promise<Db> {
  if (location.databaseUrl) {
    return openPostgres({ connectionString: location.databaseUrl, ...(location.statementTimeoutMs ? { statementTimeoutMs: location.statementTimeoutMs } : {}) });
  }
  if (location.dataDir) await mkdir(location.dataDir, { recursive: true });
  return openPglite(location.dataDir);
}
