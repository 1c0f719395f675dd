import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

describe('browser test runner', () => {
  it('fails loudly, saying how to install Chromium, when there is none', () => {
    const result = spawnSync(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], {
      env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.notEqual(result.status, 0, 'a missing browser must not be a silent pass');
    assert.match(result.stdout + result.stderr, /apt-get install -y chromium/);
  });
});
