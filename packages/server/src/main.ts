#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { buildApp, type StaticSite } from './app.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { allowDemoOrigins, seedDemo } from './demo/seed-demo.js';
import { fastifyTrustProxy } from './http/client-address.js';
import { readServerEnv } from './server-env.js';
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

function existingSites(demoMode: boolean): StaticSite[] {
  const widgets = packageDir('@advocacy/widgets');
  const themes = packageDir('@advocacy/themes');
  const candidates: StaticSite[] = [
    { prefix: '/demo/', root: demoMode ? resolve('demo') : '', label: 'Demo pages', description: 'The demo intranet and career site.' },
    { prefix: '/cdn/', root: widgets ? join(widgets, 'dist/cdn') : '', entry: 'advocacy.js', label: 'Widget bundle', description: 'advocacy.js, one script that registers every widget, and per-widget entries.' },
    { prefix: '/themes/', root: themes ?? '', entry: 'light.css', label: 'Themes', description: 'light.css, dark.css, high-contrast.css and auto.css (follows the system setting).' },
    { prefix: '/storybook/', root: resolve('storybook-static'), label: 'Storybook', description: 'Every widget in every state (built by npm run build-storybook).' },
  ];
  return candidates.filter((site) => site.root !== '' && existsSync(site.root));
}

async function main(): Promise<void> {
  const env = readServerEnv(process.env);
  if (!env.demoMode && !env.publicUrl) {
    console.warn('PUBLIC_URL is not set: tracked links will be built from each request\'s Host header. Set PUBLIC_URL to the API\'s public origin.');
  }
  const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, statementTimeoutMs: env.statementTimeoutMs, holder: 'an Advocacy Kit server' });
  const report = await migrate(db);
  const seeded = env.demoMode ? await seedDemo(db) : undefined;
  // Demo mode: any page on this machine (the demo pages, a newcomer's own page on another port) and the public URL's.
  if (env.demoMode) await allowDemoOrigins(db, env.publicUrl ? [new URL(env.publicUrl).origin] : []);

  const app = await buildApp(db, {
    version,
    demoMode: env.demoMode,
    logger: { level: env.logLevel },
    staticSites: existingSites(env.demoMode),
    ...(env.trustProxy !== undefined ? { trustProxy: fastifyTrustProxy(env.trustProxy) } : {}),
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
  });

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (closing) {
      process.exit(1); // a second Ctrl-C: stop waiting
    }
    closing = true;
    console.log(`\n${signal}: closing the server and the database…`);
    try {
      await app.close();
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
  if (seeded?.created) console.log('Demo mode: seeded the Northwind demo organisation (40 employees, 15 pieces of content, 14 testimonials).');
  else if (env.demoMode) {
    const added = seeded && seeded.added.shares + seeded.added.clicks > 0 ? `, with ${seeded.added.shares} shares and ${seeded.added.clicks} clicks added since its last start` : '';
    console.log(`Demo mode: the Northwind demo organisation is ready${added} (NODE_ENV=production turns demo mode off).`);
  }
  if (!env.demoMode) {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    if ((rows[0]?.n ?? 0) === 0) console.log(setupGuide(env));
  }
  console.log(`Ready: http://${shownHost}:${port}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Could not start: ${error.message}` : error);
  process.exit(1);
});
