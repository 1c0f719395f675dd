import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface ServedProcess {
  port: number;
  child: ChildProcess;
}

/** Starts `bench/helpers/serve.ts <kind>` and waits for the port it prints. */
export async function serve(kind: 'api' | 'bare' | 'bare-db' | 'api-redirect' | 'bare-redirect' | 'fastify-redirect' | 'journal-redirect' | 'api-postgres', ...args: string[]): Promise<ServedProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/helpers/serve.ts', kind, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { port, child };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** Runs autocannon against a URL: a short warm-up, then the measured run. */
export async function load(url: string, seconds = 5, connections = 10, headers: Record<string, string> = {}): Promise<LoadResult> {
  await autocannon({ url, connections, duration: 1, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // Redirects are what a tracked link answers; only transport errors, 4xx and 5xx count as failures.
    errors: result.errors + result['4xx'] + result['5xx'],
  };
}
