// The reference topology (docs/scaling.md): one Postgres, one Redis and API
// instances (real processes, from sources) behind HAProxy, all on loopback,
// each with its own port and folder under one temporary folder. Used by
// test/server/topology.test.ts and bench/service.bench.ts; run it alone to
// try it by hand (Ctrl-C stops everything):
//
//   npx tsx --conditions=source scripts/topology.ts
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface ApiInstance {
  /** `api-1`, `api-2`…: also HAProxy's server name, sent back in `X-Served-By`. */
  name: string;
  port: number;
  url: string;
  /** Its own folder (DATA_DIR; the click journal lives in it). */
  dir: string;
  running: () => boolean;
  /** `SIGKILL` by default: a crash, nothing drained. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same port and folder (its journal is replayed). */
  start: () => Promise<void>;
  output: () => string;
}

export interface Topology {
  /** The balancer: what clients call. */
  url: string;
  databaseUrl: string;
  redisUrl: string;
  instances: ApiInstance[];
  dir: string;
  /** Stops the instances (SIGTERM), HAProxy, Redis and Postgres, and removes the folder. */
  stop: () => Promise<void>;
}

export interface TopologyOptions {
  instances?: number;
  /** More environment for every API instance. */
  env?: Record<string, string>;
}

const POSTGRES_ROOT = '/usr/lib/postgresql';

function postgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT).filter((v) => existsSync(join(POSTGRES_ROOT, v, 'bin', 'pg_ctl')));
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  return newest ? join(POSTGRES_ROOT, newest, 'bin') : undefined;
}

const installed = (command: string, flag: string): boolean => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;

/** Why the topology cannot start on this machine (what to install), or undefined when it can. */
export function topologyUnavailable(): string | undefined {
  // .ci/run's faked-date runs: Redis and HAProxy would inherit libfaketime; the topology is checked in the real-time suite.
  if (process.env['LD_PRELOAD']?.includes('faketime')) return 'under libfaketime (the faked-date run): its daemons would inherit the faked clock; the real-time suite runs it';
  const missing = [
    ...(postgresBin() ? [] : ['postgresql']),
    ...(installed('haproxy', '-v') ? [] : ['haproxy']),
    ...(installed('redis-server', '--version') ? [] : ['redis-server']),
  ];
  return missing.length === 0 ? undefined : `${missing.join(', ')} not installed (apt-get install -y ${missing.join(' ')})`;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Spawns a long-running process and resolves once `ready` appears in its output. */
async function startProcess(command: string, args: string[], ready: RegExp, options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  // Keep reading, so a chatty process never blocks on a full pipe.
  return { child, output: () => output };
}

async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

async function startPostgres(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = postgresBin()!;
  // Postgres refuses to run as root: as in .ci/run, the cluster belongs to the postgres user then.
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dir);
  if (asRoot) {
    const id = async (flag: string) => Number((await exec('id', [flag, 'postgres'])).stdout.trim());
    chownSync(dir, await id('-u'), await id('-g'));
  }
  const as = (command: string, args: string[]) => (asRoot ? exec('runuser', ['-u', 'postgres', '--', command, ...args]) : exec(command, args));
  const port = await freePort();
  const data = join(dir, 'data');
  await as(join(bin, 'initdb'), ['-D', data, '-U', 'adv', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  await as(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
  return {
    url: `postgres://adv@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
    },
  };
}

async function startRedis(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  mkdirSync(dir);
  const port = await freePort();
  const redis = await startProcess(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    /Ready to accept connections/,
  );
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopProcess(redis.child, 'SIGTERM') };
}

function apiInstance(name: string, port: number, dir: string, env: NodeJS.ProcessEnv): ApiInstance {
  mkdirSync(dir);
  let current: { child: ChildProcess; output: () => string } | undefined;
  let earlier = '';
  const instance: ApiInstance = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    dir,
    running: () => current !== undefined && current.child.exitCode === null && current.child.signalCode === null,
    async kill(signal = 'SIGKILL') {
      await stopProcess(current?.child, signal);
    },
    async start() {
      earlier += current?.output() ?? '';
      current = await startProcess(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/main.ts'], /Ready: http/, {
        cwd: REPO,
        env: { ...env, PORT: String(port), DATA_DIR: dir },
      });
    },
    output: () => earlier + (current?.output() ?? ''),
  };
  return instance;
}

/**
 * HAProxy in front of the instances: round robin, an instance whose health
 * check fails twice (500 ms apart) taken out, and a request whose connection
 * failed, or that got no answer at all, sent to another instance (GET only:
 * HAProxy never retries a request with a body).
 */
function haproxyConfig(port: number, instances: readonly ApiInstance[], healthPath: string): string {
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  option forwardfor

frontend api
  bind 127.0.0.1:${port}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET ${healthPath}
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
  http-response set-header X-Served-By %s
${instances.map((i) => `  server ${i.name} 127.0.0.1:${i.port} check`).join('\n')}
`;
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const why = topologyUnavailable();
  if (why) throw new Error(`The reference topology cannot start: ${why}.`);
  const dir = mkdtempSync(join(tmpdir(), 'adv-topology-'));
  chmodSync(dir, 0o755); // the postgres user walks through it to its own folder
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const postgres = await startPostgres(join(dir, 'postgres'));
    stops.push(postgres.stop);
    const redis = await startRedis(join(dir, 'redis'));
    stops.push(redis.stop);

    const balancerPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      PUBLIC_URL: `http://127.0.0.1:${balancerPort}`,
      // Only HAProxy reaches the instances: its X-Forwarded-For names the visitor.
      TRUST_PROXY: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    const instances: ApiInstance[] = [];
    for (let n = 1; n <= (options.instances ?? 2); n += 1) instances.push(apiInstance(`api-${n}`, await freePort(), join(dir, `api-${n}`), env));
    stops.push(async () => {
      for (const instance of instances) await instance.kill('SIGTERM');
    });
    // Together, as a deployment would: migrations and maintenance take turns through advisory locks.
    await Promise.all(instances.map((instance) => instance.start()));

    // /readyz when the server has it (readiness, issue 16), else /healthz.
    const ready = await fetch(`${instances[0]!.url}/readyz`).then((response) => response.status === 200, () => false);
    const config = join(dir, 'haproxy.cfg');
    writeFileSync(config, haproxyConfig(balancerPort, instances, ready ? '/readyz' : '/healthz'));
    await exec('haproxy', ['-c', '-q', '-f', config]);
    // In the foreground (-db): it prints nothing when all is well, so readiness is its first answer.
    const haproxy = spawn('haproxy', ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let haproxyLog = ''; // servers going down and up: kept out of the test's output
    haproxy.stderr?.on('data', (chunk: Buffer) => (haproxyLog = (haproxyLog + chunk.toString()).slice(-10_000)));
    stops.push(() => stopProcess(haproxy, 'SIGTERM'));
    await waitFor(async () => haproxy.exitCode === null && (await fetch(`http://127.0.0.1:${balancerPort}/healthz`)).status === 200, 15_000, 'HAProxy to answer').catch(
      (error: Error) => Promise.reject(new Error(`${error.message}\n${haproxyLog}`)),
    );

    return { url: `http://127.0.0.1:${balancerPort}`, databaseUrl: postgres.url, redisUrl: redis.url, instances, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls `check` every 100 ms until it holds, or throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const topology = await startTopology();
  console.log(`Balancer: ${topology.url}  Postgres: ${topology.databaseUrl}  Redis: ${topology.redisUrl}`);
  for (const instance of topology.instances) console.log(`${instance.name}: ${instance.url} (folder ${instance.dir})`);
  console.log('Ctrl-C stops everything.');
  const shutdown = (): void => void topology.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
