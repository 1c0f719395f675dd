import { ensureWritableDataDir, explainDataDirFailure } from './data-dir-check.js';
import { lockDataDir } from './data-dir-lock.js';
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
  /** Who holds an embedded database's folder, for the message another opener gets ("the API server", "advocacy-admin"). */
  holder?: string;
}

/** Opens Postgres when a URL is given, else the embedded database (in memory without a folder). */
export async function openDatabase(location: DatabaseLocation): Promise<Db> {
  if (location.databaseUrl) {
    return openPostgres({ connectionString: location.databaseUrl, ...(location.statementTimeoutMs ? { statementTimeoutMs: location.statementTimeoutMs } : {}) });
  }
  if (!location.dataDir) return openPglite(undefined);
  await ensureWritableDataDir(location.dataDir);
  // One process per folder: a second one would lose the first one's writes.
  const release = lockDataDir(location.dataDir, location.holder ?? 'another process');
  try {
    const db = await openPglite(location.dataDir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw explainDataDirFailure(error, location.dataDir);
  }
}
