export { buildApp, type AppSettings, type StaticSite } from './app.js';
export type { Db, Queryable, QueryResult, SqlParam } from './db/db.js';
export { openDatabase, type DatabaseLocation } from './db/open-database.js';
export { openPglite } from './db/pglite.js';
export { openPostgres, type PostgresOptions } from './db/postgres.js';
export { migrate, loadMigrations, type Migration, type MigrationReport } from './db/migrate.js';
export { HttpProblem } from './http/problem.js';
