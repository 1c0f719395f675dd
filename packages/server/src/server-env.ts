export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoMode: boolean;
  logLevel: string;
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
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    dataDir: env['DATA_DIR'] || '.data',
    databaseUrl,
    demoMode: env['NODE_ENV'] !== 'production',
    logLevel: env['LOG_LEVEL'] || 'warn',
  };
}
