import { randomBytes } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type FolderWriteProblem = 'read-only' | 'full' | 'missing' | 'other';

export type FolderWriteResult = { ok: true } | { ok: false; problem: FolderWriteProblem; message: string };

const PROBLEMS: Record<string, FolderWriteProblem> = { EROFS: 'read-only', EACCES: 'read-only', EPERM: 'read-only', ENOSPC: 'full', EDQUOT: 'full', ENOENT: 'missing' };

/** One sentence naming the folder and what is wrong with it, for start-up errors and /readyz. */
export function describeFolderProblem(label: string, dir: string, problem: FolderWriteProblem, message: string): string {
  const where = resolve(dir);
  switch (problem) {
    case 'read-only':
      return `${label} ${where} is read-only: give the server a folder it can write to.`;
    case 'full':
      return `no space left on the device holding ${label} ${where}: free some space or give the server another folder.`;
    case 'missing':
      return `${label} ${where} does not exist.`;
    default:
      return `${label} ${where} cannot be written: ${message}`;
  }
}

/**
 * Writes, syncs and removes a small file in `dir`: whether the folder takes
 * writes now (read-only mount or permissions, full disk or quota). A 4 KiB
 * block, so a disk with no whole block left fails it.
 */
export async function probeFolderWrite(dir: string): Promise<FolderWriteResult> {
  const path = join(dir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  let created = false;
  try {
    const file = await open(path, 'wx');
    created = true;
    try {
      await file.write(Buffer.alloc(4096));
      await file.sync();
    } finally {
      await file.close();
    }
    return { ok: true };
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? '');
    return { ok: false, problem: PROBLEMS[code] ?? 'other', message: error instanceof Error ? error.message : String(error) };
  } finally {
    if (created) await unlink(path).catch(() => {});
  }
}
