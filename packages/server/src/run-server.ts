import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildApp, type StaticSite } from './app.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { startClickMaintenance } from './domain/click-maintenance.js';
import { fastifyTrustProxy } from './http/client-address.js';
import { buildMetricsServer } from './metrics/metrics-server.js';
import type { ServerExtension } from './server-extension.js';
import { readServerEnv, type ServerEnv } from './server-env.js';
import { setupGuide } from './setup-guide.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** Folder of an installed package, or undefined when it is not installed next to the server. */
function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

/** The widget bundle and themes when their packages are installed beside the server, and Storybook once built. */
function existingSites(): { sites: StaticSite[]; notes: string[] } {
  const widgets = packageDir('@advocacy/widgets');
  const themes = packageDir('@advocacy/themes');
  const candidates: StaticSite[] = [
    { prefix: '/cdn/', root: widgets ? join(widgets, 'dist/cdn') : '', entry: 'advocacy.js', label: 'Widget bundle', description: 'advocacy.js, one script that loads each widget on first use (advocacy.bundle.js: all in one file), and per-widget entries.' },
    { prefix: '/themes/', root: themes ?? '', entry: 'light.css', label: 'Themes', description: 'light.css, dark.css, high-contrast.css and auto.css (follows the system setting).' },
    { prefix: '/storybook/', root: resolve('storybook-static'), label: 'Storybook', description: 'Every widget in every state (built by npm run build-storybook).' },
  ];
  const sites = candidates.filter((site) => site.root !== '' && existsSync(site.root));
  const notes = sites.some((site) => site.prefix === '/storybook/') ? [] : ['Storybook is not built: `npm run build-storybook` builds it, and the next start serves it at /storybook/.'];
  return { sites, notes };
}

/** How long SIGTERM waits for requests in flight and the click recorder before exiting anyway. */
const SHUTDOWN_DEADLINE_MS = 25_000;

export interface RunServerOptions {
  /**
   * Called once the database is migrated, before the server is built: plugs
   * optional parts in (the demo) and says what it did, one line each.
   */
  prepare?: (db: Db, env: ServerEnv) => Promise<{ extensions: ServerExtension[]; messages: string[] }>;
}

/**
 * Reads the environment, opens and migrates the database, builds the API
 * with what `prepare` adds, listens, and closes cleanly on SIGINT/SIGTERM.
 * `advocacy-server` runs it alone; `@advocacy/demo` runs it with the demo.
 */
export async function runServer(options: RunServerOptions = {}): Promise<void> {
  const env = readServerEnv(process.env);
  if (!env.demoMode && !env.publicUrl) {
    console.warn('PUBLIC_URL is not set: tracked links will be built from each request\'s Host header. Set PUBLIC_URL to the API\'s public origin.');
  }
  const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, statementTimeoutMs: env.statementTimeoutMs, holder: 'an Advocacy Kit server' });
  const report = await migrate(db);
  const prepared = options.prepare ? await options.prepare(db, env) : { extensions: [], messages: [] };
  const { sites, notes } = existingSites();

  const app = await buildApp(db, {
    version,
    demoMode: env.demoMode,
    logger: { level: env.logLevel },
    staticSites: sites,
    startNotes: notes,
    extensions: prepared.extensions,
    clickJournalDir: env.journalDir,
    ...(env.trustProxy !== undefined ? { trustProxy: fastifyTrustProxy(env.trustProxy) } : {}),
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
    ...(env.redisUrl ? { redisUrl: env.redisUrl } : {}),
  });
  const metricsServer = env.metrics ? buildMetricsServer(app.metrics, { token: env.metrics.token }) : undefined;

  // Click partitions ahead and retention: now, then daily.
  const maintenance = startClickMaintenance(db, { onError: (error) => app.log.error({ err: error }, 'click maintenance failed') });

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (closing) {
      process.exit(1); // a second Ctrl-C: stop waiting
    }
    closing = true;
    console.log(`\n${signal}: closing the server and the database…`);
    // New connections are refused at once; requests in flight finish, clicks are written, then the database closes.
    // Past the deadline, stop waiting: before an orchestrator's own kill (Kubernetes: 30 s) cuts everything.
    setTimeout(() => {
      console.error(`Still closing after ${SHUTDOWN_DEADLINE_MS / 1000} s: stopping now; unwritten clicks stay in the journal for the next start.`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // A keep-alive connection busy at close() goes idle later and would hold close() until its timeout: drop each as it idles.
    const idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
    idleSweep.unref();
    try {
      await app.close();
      clearInterval(idleSweep);
      await metricsServer?.close();
      await maintenance.stop();
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  const address = await app.listen({ port: env.port, host: env.host });
  const port = new URL(address).port;
  const where = env.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${resolve(env.dataDir)}`;
  const migrations = report.applied.length > 0 ? `applied ${report.applied.join(', ')}` : 'schema up to date';
  const shownHost = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
  console.log(`Advocacy Kit ${version} on ${where} (${migrations}).`);
  for (const message of prepared.messages) console.log(message);
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
  if ((rows[0]?.n ?? 0) === 0) console.log(setupGuide(env));
  if (metricsServer && env.metrics) {
    const metricsAddress = await metricsServer.listen({ port: env.metrics.port, host: env.metrics.host });
    console.log(`Metrics: ${metricsAddress}/metrics${env.metrics.token ? ' (bearer token required)' : ''}`);
  }
  console.log(`Ready: http://${shownHost}:${port}/`);
}

/** For a bin: runs the server, and turns a start-up failure into one line and exit code 1. */
export function runServerOrExit(options: RunServerOptions = {}): void {
  runServer(options).catch((error: unknown) => {
    console.error(error instanceof Error ? `Could not start: ${error.message}` : error);
    process.exit(1);
  });
}
