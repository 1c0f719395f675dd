import type { FastifyPluginAsync } from 'fastify';
import { routes, type Health, type Readiness, type ReadinessCheck } from '@advocacy/sdk/contract';
import type { Db } from '../db/db.js';
import { describeFolderProblem, probeFolderWrite } from '../db/folder-write-probe.js';
import { probeDatabaseWrite, type WriteProbeResult } from '../domain/database-write-probe.js';

/** What readiness reads of the click recorder (`ClickRecorder` has it). */
export interface RecorderReadiness {
  /** Clicks answered and not yet in the database. */
  readonly backlog: number;
  /** The backlog past which this instance is not ready. */
  readonly backlogLimit: number;
  readonly journalDir: string;
}

export interface HealthRouteOptions {
  db: Db;
  version: string;
  /** The click recorder, for the journal and backlog checks of `/readyz`. */
  recorder?: RecorderReadiness;
}

const PROBE_TIMEOUT_MS = 2_000;
/** Probes run at most this often, however many checkers poll: the answer is this fresh. */
const PROBE_REUSE_MS = 1_000;

const WRITE_PROBLEMS: Record<Exclude<WriteProbeResult, { ok: true }>['fault'], string> = {
  'storage-full': 'the database cannot write: no space left on its disk',
  'read-only': 'the database cannot write: its storage is read-only',
  busy: 'the database is too busy to take a write in time',
  unavailable: 'the database does not answer',
  timeout: `the database did not take a write within ${PROBE_TIMEOUT_MS} ms`,
  error: 'the database refused a write',
};

/** Runs `probe` at most once per `ms`; callers in between share the last answer. */
function reused<T>(ms: number, probe: () => Promise<T>): () => Promise<T> {
  let last: { at: number; result: Promise<T> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.at >= ms) last = { at: now, result: probe() };
    return last.result;
  };
}

/**
 * `GET /healthz` (liveness: 200 while the process answers, `degraded` when
 * the database does not answer or cannot write) and `GET /readyz`
 * (readiness: 503 unless the database and the journal take a write and the
 * click backlog is under its bound).
 */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (app, { db, version, recorder }) => {
  const databaseWrite = reused(PROBE_REUSE_MS, () => probeDatabaseWrite(db, PROBE_TIMEOUT_MS));
  const journalWrite = recorder ? reused(PROBE_REUSE_MS, () => probeFolderWrite(recorder.journalDir)) : undefined;

  app.route({
    method: routes.health.method,
    url: routes.health.path,
    handler: async (_request, reply) => {
      const write = await databaseWrite();
      // A write that failed for want of space or permission still means the database answers.
      const up = write.ok || write.fault === 'storage-full' || write.fault === 'read-only' || (write.fault === 'error' && (await ping(db)));
      const body: Health = {
        status: write.ok ? 'ok' : 'degraded',
        version,
        database: { up, driver: db.driver, ...(write.ok ? { latencyMs: write.latencyMs } : {}), ...(up ? { writable: write.ok } : {}) },
      };
      return reply.code(200).header('cache-control', 'no-store').send(body);
    },
  });

  app.route({
    method: routes.readiness.method,
    url: routes.readiness.path,
    handler: async (_request, reply) => {
      const [write, journal] = await Promise.all([databaseWrite(), journalWrite?.()]);
      const database: ReadinessCheck = write.ok ? { ok: true } : { ok: false, detail: WRITE_PROBLEMS[write.fault] };
      const journalCheck: ReadinessCheck = !recorder
        ? { ok: true, detail: 'no click recorder in this server' }
        : journal?.ok !== false
          ? { ok: true }
          : { ok: false, detail: describeFolderProblem('the click journal', recorder.journalDir, journal.problem, journal.message) };
      const backlog = recorder?.backlog ?? 0;
      const bound = recorder?.backlogLimit ?? 0;
      const backlogOk = !recorder || backlog < bound;
      const body: Readiness = {
        status: database.ok && journalCheck.ok && backlogOk ? 'ready' : 'not-ready',
        version,
        checks: {
          database,
          journal: journalCheck,
          recorder: { ok: backlogOk, backlog, bound, ...(backlogOk ? {} : { detail: `${backlog} clicks wait to be written, the bound is ${bound}` }) },
        },
      };
      return reply.code(body.status === 'ready' ? 200 : 503).header('cache-control', 'no-store').send(body);
    },
  });
};

async function ping(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.query('SELECT 1 AS one').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
