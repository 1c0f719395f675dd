import type { Queryable } from '../db/db.js';
import { isoDate } from './periods.js';

/** A share that may earn its points now: when created (`on-share`) or when it brings its first credited reader (`first-reader`). */
export interface AwardCandidate {
  organisationId: string;
  employeeId: string;
  contentId: string;
  shareId: string;
  at: Date;
}

export interface AwardRules {
  pointsPerShare: number;
  dailySharePointsCap: number;
}

/**
 * Grants a share's points once per content per employee, whatever the
 * number of networks, and for at most `dailySharePointsCap` contents per
 * employee and UTC day. Returns the points granted (0: already granted, or
 * the day's cap is reached; a later reader may still earn it another day).
 * The caller holds the organisation's counter lock (counter-lock.ts), so
 * the checks and writes below cannot interleave with another award.
 */
export async function awardSharePoints(tx: Queryable, candidate: AwardCandidate, rules: AwardRules): Promise<number> {
  const { organisationId, employeeId, contentId } = candidate;
  const day = isoDate(candidate.at);
  const { rows } = await tx.query<{ awarded: boolean; today: number }>(
    `SELECT EXISTS (SELECT 1 FROM share_awards WHERE organisation_id = $1 AND employee_id = $2 AND content_id = $3) AS awarded,
            coalesce((SELECT awarded FROM share_award_days WHERE organisation_id = $1 AND employee_id = $2 AND day = $4), 0) AS today`,
    [organisationId, employeeId, contentId, day],
  );
  if (rows[0]!.awarded || rows[0]!.today >= rules.dailySharePointsCap) return 0;
  await tx.query(
    `INSERT INTO share_award_days (organisation_id, employee_id, day, awarded) VALUES ($1, $2, $3, 1)
     ON CONFLICT (organisation_id, employee_id, day) DO UPDATE SET awarded = share_award_days.awarded + 1`,
    [organisationId, employeeId, day],
  );
  await tx.query(
    `INSERT INTO share_awards (organisation_id, employee_id, content_id, share_id, awarded_at, points) VALUES ($1, $2, $3, $4, $5, $6)`,
    [organisationId, employeeId, contentId, candidate.shareId, candidate.at, rules.pointsPerShare],
  );
  return rules.pointsPerShare;
}
