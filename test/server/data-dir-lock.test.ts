import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from '../../packages/server/src/db/data-dir-lock.js';

describe('the data folder lock', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'adv-lockfile-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('refuses a folder held by a live process on this machine, naming it', () => {
    // The parent of this test runner is alive for as long as the test runs.
    writeFileSync(join(folder, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-06T10:00:00.000Z', what: 'an Advocacy Kit server' }));
    assert.throws(() => lockDataDir(folder, 'advocacy-admin'), (error: unknown) => error instanceof DataDirLockedError && error.message.includes(`process ${process.ppid}, since 2026-12-06T10:00:00.000Z`));
  });

  it('takes over a lock whose process is gone, and a half-written one, and gives it back on release', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    for (const leftOver of [JSON.stringify({ pid: Number(gone), host: hostname(), since: 'x', what: 'a crashed server' }), '{"pid":']) {
      writeFileSync(join(folder, LOCK_FILE_NAME), leftOver);
      const release = lockDataDir(folder, 'the test');
      assert.throws(() => lockDataDir(folder, 'a second opener'), DataDirLockedError, 'held, even by this very process');
      release();
      assert.equal(existsSync(join(folder, LOCK_FILE_NAME)), false);
    }
  });

  it('leaves the folder to a starter that took a stale lock over first, between our look and our move', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const lock = join(folder, LOCK_FILE_NAME);
    writeFileSync(lock, JSON.stringify({ pid: Number(gone), host: hostname(), since: 'x', what: 'a crashed server' }));
    // The other starter (the test runner's parent stands for it: alive all along) moves the stale lock and takes the folder.
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-07T06:00:00.000Z', what: 'the other starter' });
    const otherStarter = (): void => {
      renameSync(lock, `${lock}.stale-other`);
      unlinkSync(`${lock}.stale-other`);
      writeFileSync(lock, theirs, { flag: 'wx' });
    };
    assert.throws(() => lockDataDir(folder, 'the slower starter', { beforeTakeover: otherStarter }), (error: unknown) => error instanceof DataDirLockedError && error.message.includes('the other starter'));
    assert.equal(readFileSync(lock, 'utf8'), theirs, 'their lock is in place, not moved away');
    assert.deepEqual(readdirSync(folder), [LOCK_FILE_NAME], 'nothing left aside');
    unlinkSync(lock);
  });
});
