/** The places a fault test may stop the process at, as `kill -9` would. */
export type CrashPointName = 'idempotent-work-done';

/**
 * Dies at once with SIGKILL when `ADVOCACY_TEST_CRASH_POINT` names this
 * point, so a fault test can crash a real server between two steps that a
 * real crash could separate. Inert when unset.
 */
export function crashPoint(name: CrashPointName): void {
  if (process.env['ADVOCACY_TEST_CRASH_POINT'] === name) {
    process.kill(process.pid, 'SIGKILL');
  }
}
