import { join } from 'node:path';
import { isLoopbackAddress, parseTrustProxy, type TrustProxy } from './http/client-address.js';

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  /** This instance's click journal (`JOURNAL_DIR`, default `DATA_DIR/click-journal`). */
  journalDir: string;
  databaseUrl: string | undefined;
  demoMode: boolean;
  logLevel: string;
  /** Public origin of the API, for tracked links (`PUBLIC_URL`); the request's host when unset. */
  publicUrl: string | undefined;
  /** Postgres cancels any statement running longer (`STATEMENT_TIMEOUT_MS`). */
  statementTimeoutMs: number;
  /** Redis or Valkey shared by every instance for rate limits (`REDIS_URL`); per-instance limits when unset. */
  redisUrl: string | undefined;
  /** `/metrics` listener (`METRICS_PORT`, `METRICS_HOST`, `METRICS_TOKEN`); none when the port is unset. */
  metrics: { port: number; host: string; token: string | undefined } | undefined;
  /** Proxies allowed to name the client (`TRUST_PROXY`: hop count or addresses/CIDRs); none when unset. */
  trustProxy: TrustProxy | undefined;
}

/** Reads and checks the environment `main.ts` runs with; throws a readable message on a bad value. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const port = Number(env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a port number, not "${env['PORT']}".`);
  }
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const publicUrl = env['PUBLIC_URL'] || undefined;
  if (publicUrl && (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol))) {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, not "${publicUrl}".`);
  }
  const statementTimeoutMs = Number(env['STATEMENT_TIMEOUT_MS'] || 5_000);
  if (!Number.isInteger(statementTimeoutMs) || statementTimeoutMs < 1 || statementTimeoutMs > 600_000) {
    throw new Error(`STATEMENT_TIMEOUT_MS must be a number of milliseconds from 1 to 600000, not "${env['STATEMENT_TIMEOUT_MS']}".`);
  }
  const trustProxy = env['TRUST_PROXY'] ? parseTrustProxy(env['TRUST_PROXY']) : undefined;
  const redisUrl = env['REDIS_URL'] || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('REDIS_URL must start with redis:// or rediss://.');
  }
  const metrics = readMetricsEnv(env);
  const dataDir = env['DATA_DIR'] || '.data';
  return {
    redisUrl,
    metrics,
    trustProxy,
    publicUrl,
    statementTimeoutMs,
    port,
    host: env['HOST'] || '127.0.0.1',
    dataDir,
    journalDir: env['JOURNAL_DIR'] || join(dataDir, 'click-journal'),
    databaseUrl,
    demoMode: env['NODE_ENV'] !== 'production',
    logLevel: env['LOG_LEVEL'] || 'warn',
  };
}

/** The metrics listener: loopback by default; anywhere else only behind a token. */
function readMetricsEnv(env: NodeJS.ProcessEnv): ServerEnv['metrics'] {
  if (!env['METRICS_PORT']) return undefined;
  const port = Number(env['METRICS_PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`METRICS_PORT must be a port number, not "${env['METRICS_PORT']}".`);
  }
  const host = env['METRICS_HOST'] || '127.0.0.1';
  const token = env['METRICS_TOKEN'] || undefined;
  // An address to listen on: a loopback IP (client-address.ts, the one idea of this machine) or the name localhost.
  if (!(isLoopbackAddress(host) || host === 'localhost') && !token) {
    throw new Error(`METRICS_HOST ${host} is reachable from other machines: set METRICS_TOKEN too, which scrapes must send as a bearer token.`);
  }
  return { port, host, token };
}
