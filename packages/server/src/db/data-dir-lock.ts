import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The file that marks a data folder as held. */
export const LOCK_FILE_NAME = 'advocacy.lock';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
  what: string;
}

/** Whether a process with this id runs on this machine (EPERM: it does, as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function ownerIn(text: string | undefined): LockOwner | undefined {
  try {
    const owner = JSON.parse(text ?? '') as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since), what: String(owner.what) } : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

/**
 * Takes the embedded database's folder for this process alone: PGlite is
 * one process's database, and two servers on one folder lose each other's
 * writes. A lock file created exclusively names its owner; a second server
 * or `advocacy-admin` stops at once with a message naming it. A lock left by
 * a process that no longer runs (kill -9, power loss) is taken over at once,
 * which is why this checks the owner's pid rather than waiting for an mtime
 * to go stale as lock-file libraries do.
 *
 * Returns the release function; the lock also goes when the process exits.
 * `testHooks.beforeTakeover` runs between judging a lock stale and moving it
 * aside: tests use it to start a competing starter in that window.
 */
export function lockDataDir(dataDir: string, what: string, testHooks: { beforeTakeover?: () => void } = {}): () => void {
  const path = join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const judged = readText(path);
      const owner = ownerIn(judged);
      if (owner && (owner.host !== me.host || isAlive(owner.pid))) {
        const where = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
        throw new DataDirLockedError(
          `The data folder ${resolve(dataDir)} is in use by ${owner.what} (${where}, since ${owner.since}). ` +
            'Stop it first, or give this one its own DATA_DIR. (Several servers share one database through DATABASE_URL=postgres://….)',
        );
      }
      // Stale: move it aside under a name of our own, then make sure what moved is the lock judged
      // stale. Another starter may have taken the folder over in between: its fresh lock goes back.
      testHooks.beforeTakeover?.();
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue; // someone else moved it first; look again
      }
      if (readText(aside) !== judged) {
        try {
          linkSync(aside, path); // fails only if a third starter holds the name by now
        } catch {
          // That third starter's lock stands; the one moved aside is lost with it (three starters at one instant).
        }
      }
      unlinkSync(aside);
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let held = true;
    const release = (): void => {
      if (!held) return;
      held = false;
      process.off('exit', release);
      if (ownerIn(readText(path))?.pid === process.pid) unlinkSync(path);
    };
    process.on('exit', release);
    return release;
  }
  throw new DataDirLockedError(`Could not take the data folder ${resolve(dataDir)}: another process keeps taking it.`);
}
