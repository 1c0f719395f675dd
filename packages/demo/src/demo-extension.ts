import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Db, ServerContext, ServerEnv, ServerExtension } from '@advocacy/server';
import { adminPageRoutes } from './routes/admin-page.js';
import { careerPageRoutes } from './routes/career-page.js';
import { demoRoutes } from './routes/demo-api.js';
import { estimatedReachPageRoutes } from './routes/estimated-reach-page.js';
import { intranetPageRoutes } from './routes/intranet-page.js';
import { allowDemoOrigins, seedDemo } from './seed/seed-demo.js';

/** The demo pages' own files (scripts, styles), next to `src/` and `dist/`. */
export const DEMO_PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

const demoPages: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  await app.register(careerPageRoutes, ctx);
  await app.register(intranetPageRoutes, ctx);
  await app.register(estimatedReachPageRoutes, ctx);
  await app.register(adminPageRoutes);
};

/** The demo's routes and pages, for `buildApp({ extensions })`. */
export const demoExtension: ServerExtension = {
  api: demoRoutes,
  pages: demoPages,
  staticSites: [{ prefix: '/demo/', root: DEMO_PUBLIC_DIR, label: 'Demo pages', description: 'The demo intranet, programme console and career site.' }],
};

/**
 * `runServer({ prepare })` for the demo: in demo mode (unless
 * NODE_ENV=production), seeds the Northwind organisation or brings its
 * activity up to now, lets pages on this machine use it, and plugs its
 * routes and pages in. In production it adds nothing, and says so.
 */
export async function prepareDemo(db: Db, env: ServerEnv, now: Date = new Date()): Promise<{ extensions: ServerExtension[]; messages: string[] }> {
  if (!env.demoMode) return { extensions: [], messages: ['NODE_ENV=production: no demo organisation, demo routes or demo pages.'] };
  const seeded = await seedDemo(db, now);
  // Any page on this machine (the demo pages, a newcomer's own page on another port), and the public URL's.
  await allowDemoOrigins(db, env.publicUrl ? [new URL(env.publicUrl).origin] : []);
  const added = seeded.added.shares + seeded.added.clicks > 0 ? `, with ${seeded.added.shares} shares and ${seeded.added.clicks} clicks added since its last start` : '';
  const message = seeded.created
    ? 'Demo mode: seeded the Northwind demo organisation (40 employees, 15 pieces of content, 14 testimonials).'
    : `Demo mode: the Northwind demo organisation is ready${added} (NODE_ENV=production turns demo mode off).`;
  return { extensions: [demoExtension], messages: [message] };
}
