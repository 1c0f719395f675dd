// The real stack, started exactly as `npm start` starts it (scripts/start.mjs:
// build when sources changed, then the compiled server on embedded PGlite with
// the demo data), on a free port and a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Stack {
  /** Origin of the API and the demo pages, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Building can take a minute on a cold checkout; the server itself is ready in a few seconds. */
const START_TIMEOUT_MS = 240_000;

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'adv-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    // A fresh embedded database unless the test names another: CI's DATABASE_URL would share one across stacks (and their clocks).
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', NODE_ENV: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() also ends the server it spawns
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start in time:\n${output}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', () => {
      const match = /Ready: (http:\/\/\S+?)\/?(\s|$)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = once(child, 'exit');
        process.kill(-child.pid, 'SIGINT');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
