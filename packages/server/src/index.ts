export { buildApp, type AppSettings, type StaticSite } from './app.js';
export type { Db, Queryable, QueryResult, SqlParam } from './db/db.js';
export { openDatabase, type DatabaseLocation } from './db/open-database.js';
export { openPglite } from './db/pglite.js';
export { openPostgres, type PostgresOptions } from './db/postgres.js';
export { migrate, loadMigrations, type Migration, type MigrationReport } from './db/migrate.js';
export { HttpProblem } from './http/problem.js';
export { runServer, runServerOrExit, type RunServerOptions } from './run-server.js';
export { readServerEnv, type ServerEnv } from './server-env.js';

// For optional parts plugged into the server (the demo, `@advocacy/demo`): the route context and helpers they build on.
export type { ServerExtension } from './server-extension.js';
export type { ServerContext } from './server-context.js';
export { registerRoute } from './http/contract-route.js';
export { escapeHtml } from './http/html.js';
export { isLoopbackAddress, isLoopbackHostname, isLoopbackOrigin } from './http/client-address.js';
export { ANY_LOOPBACK_ORIGIN } from './auth/origins.js';
export { insertColumns } from './db/insert-columns.js';
export { createOrganisation, type NewOrganisation, type CreatedOrganisation } from './domain/organisations.js';
export { isoDate, periodStart, periodRange } from './domain/periods.js';
export { newShareCode } from './domain/share-codes.js';
export { awardSharePoints } from './domain/share-awards.js';
export { lockOrganisationCounters } from './domain/counter-lock.js';
export { addShareAggregates, addClickAggregates } from './domain/programme-aggregates.js';
export { listPublicTestimonials } from './domain/testimonials.js';
