import type { Db } from '../db/db.js';
import { ensureClickPartitions } from './click-partitions.js';
import { applyClickRetention, type RetentionReport } from './click-retention.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ClickMaintenanceReport extends RetentionReport {
  createdPartitions: string[];
}

/** Creates the coming months' partitions, then removes raw clicks past their retention. */
export async function runClickMaintenance(db: Db, now: Date): Promise<ClickMaintenanceReport> {
  const createdPartitions = await ensureClickPartitions(db, now);
  return { createdPartitions, ...(await applyClickRetention(db, now)) };
}

export interface ClickMaintenanceOptions {
  now?: () => Date;
  everyMs?: number;
  onReport?: (report: ClickMaintenanceReport) => void;
  onError?: (error: unknown) => void;
}

export interface ClickMaintenance {
  /** Resolves when the run begun at start is over. */
  readonly firstRun: Promise<void>;
  /** No further run; waits for one under way. */
  stop(): Promise<void>;
}

/**
 * Runs the maintenance now and then daily (every instance may: the work is
 * idempotent and the DDL takes turns). A failed run is reported and tried
 * again at the next one.
 */
export function startClickMaintenance(db: Db, options: ClickMaintenanceOptions = {}): ClickMaintenance {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const once = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        options.onReport?.(await runClickMaintenance(db, now()));
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };
  const timer = setInterval(() => void once(), options.everyMs ?? DAY_MS);
  timer.unref();
  const firstRun = once();
  return {
    firstRun,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
