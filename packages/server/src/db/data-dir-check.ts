import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { databaseFaultOf } from './database-faults.js';
import { describeFolderProblem, probeFolderWrite, type FolderWriteProblem } from './folder-write-probe.js';

/** The embedded database's folder cannot be used; the message names it and says why. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

const MKDIR_PROBLEMS: Record<string, FolderWriteProblem> = { EROFS: 'read-only', EACCES: 'read-only', EPERM: 'read-only', ENOSPC: 'full', EDQUOT: 'full' };

/**
 * Creates the folder if needed and checks that it takes a write, so a
 * read-only or full disk stops the start with "DATA_DIR /x is read-only"
 * rather than an Emscripten "ErrnoError errno 69" from deep in PGlite.
 */
export async function ensureWritableDataDir(dataDir: string, label = 'DATA_DIR'): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? '');
    const message = error instanceof Error ? error.message : String(error);
    // A recursive mkdir on a read-only mount may say only ENOENT: ask the nearest folder that exists.
    const parent = MKDIR_PROBLEMS[code] ? undefined : await probeFolderWrite(nearestExisting(dataDir));
    const problem = MKDIR_PROBLEMS[code] ?? (parent && !parent.ok ? parent.problem : 'other');
    throw new DataDirError(describeFolderProblem(label, dataDir, problem, message), { cause: error });
  }
  const probe = await probeFolderWrite(dataDir);
  if (!probe.ok) throw new DataDirError(describeFolderProblem(label, dataDir, probe.problem, probe.message), { cause: probe.message });
}

function nearestExisting(dir: string): string {
  let current = resolve(dir);
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** An error from opening PGlite on `dataDir`, named when the disk filled up or turned read-only meanwhile. */
export function explainDataDirFailure(error: unknown, dataDir: string, label = 'DATA_DIR'): unknown {
  const fault = databaseFaultOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (fault === 'storage-full') return new DataDirError(describeFolderProblem(label, dataDir, 'full', message), { cause: error });
  if (fault === 'read-only') return new DataDirError(describeFolderProblem(label, dataDir, 'read-only', message), { cause: error });
  return error;
}
