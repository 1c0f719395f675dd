import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runServerProcess } from '../helpers/server-process.js';
import { mountTmpfs } from '../helpers/tmpfs.js';

const canMount = (() => {
  const probe = mountTmpfs('size=1m');
  probe?.unmount();
  return probe !== undefined;
})();
const isRoot = process.getuid?.() === 0;

async function start(dataDir: string): Promise<{ code: number | null; output: string }> {
  return runServerProcess({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production', JOURNAL_DIR: '' });
}

function assertOneLine(output: string): void {
  assert.doesNotMatch(output, /\n\s+at /, 'a message, not a stack trace');
  assert.doesNotMatch(output, /ErrnoError|errno \d+/);
}

describe('start-up on a data folder it cannot write', () => {
  const cleanUps: (() => void)[] = [];
  after(() => cleanUps.forEach((cleanUp) => cleanUp()));

  // Root writes through permissions, so root needs a read-only mount to meet a read-only folder.
  it('names a read-only DATA_DIR', { skip: isRoot && !canMount ? 'root without mount: no read-only folder to be had' : false }, async () => {
    let dataDir: string;
    if (isRoot) {
      const disk = mountTmpfs('size=8m,ro')!;
      cleanUps.push(disk.unmount);
      dataDir = disk.dir;
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'adv-read-only-'));
      chmodSync(dataDir, 0o555);
      cleanUps.push(() => {
        chmodSync(dataDir, 0o755);
        rmSync(dataDir, { recursive: true, force: true });
      });
    }
    const { code, output } = await start(dataDir);
    assert.equal(code, 1);
    assert.match(output, new RegExp(`Could not start: DATA_DIR ${dataDir} is read-only`));
    assertOneLine(output);
    const missing = await start(join(dataDir, 'not-yet'));
    assert.equal(missing.code, 1);
    assert.match(missing.output, new RegExp(`Could not start: DATA_DIR ${join(dataDir, 'not-yet')} is read-only`), 'a folder to create on a read-only disk');
  });

  it('names a DATA_DIR on a full disk', { skip: canMount ? false : 'cannot mount a tmpfs here' }, async () => {
    const disk = mountTmpfs('size=2m')!;
    cleanUps.push(disk.unmount);
    mkdirSync(join(disk.dir, 'data'));
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk.dir, 'filler')}`, 'bs=64k', 'count=100'], { stdio: 'ignore' });
    } catch {
      // stopped at "No space left on device", as wanted
    }
    const { code, output } = await start(join(disk.dir, 'data'));
    assert.equal(code, 1);
    assert.match(output, new RegExp(`Could not start: no space left on the device holding DATA_DIR ${join(disk.dir, 'data')}`));
    assertOneLine(output);
  });

  it('names a DATA_DIR whose disk fills up while the database is being created', { skip: canMount ? false : 'cannot mount a tmpfs here' }, async () => {
    // Room for the write check, not for a new database (about 40 MB).
    const disk = mountTmpfs('size=8m')!;
    cleanUps.push(disk.unmount);
    const { code, output } = await start(disk.dir);
    assert.equal(code, 1);
    assert.match(output, new RegExp(`Could not start: no space left on the device holding DATA_DIR ${disk.dir}`));
    assertOneLine(output);
  });
});
