import type { Network, PersonExport } from '@advocacy/sdk/contract';
import type { Db } from '../db/db.js';
import { raw, run, sql } from '../db/sql.js';
import { writeAudit } from './audit-log.js';
import type { ChangeAuthor } from './organisation-settings.js';
import { personNotFound, personStatus } from './people.js';
import { TESTIMONIAL_COLUMNS, toTestimonial, type TestimonialRow } from './testimonials.js';

interface ProfileRow {
  id: string;
  subject: string;
  name: string;
  display_name: string | null;
  email: string | null;
  team: string | null;
  avatar_url: string | null;
  leaderboard_opt_in: boolean;
  audience: unknown;
  created_at: Date;
  last_seen_at: Date;
  deactivated_at: Date | null;
  erased_at: Date | null;
}

/** The declared audience as stored, numbers only (what is held, not the capped figure the stats count). */
function storedAudience(stored: unknown): Record<string, number> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
}

/**
 * Everything held about one person of the organisation (GDPR Art. 15), read
 * in one transaction with the audit entry recording who exported whom (so
 * the export lists itself). Another organisation's person is a 404.
 */
export async function exportPerson(db: Db, organisationId: string, id: string, by: ChangeAuthor): Promise<PersonExport> {
  return db.transaction(async (tx) => {
    const { rows: profiles } = await run<ProfileRow>(
      tx,
      sql`SELECT e.id, e.subject, e.name, e.display_name, e.email, t.name AS team, e.avatar_url, e.leaderboard_opt_in, e.audience,
                 e.created_at, e.last_seen_at, e.deactivated_at, e.erased_at
            FROM employees e LEFT JOIN teams t ON t.id = e.team_id
           WHERE e.organisation_id = ${organisationId} AND e.id = ${id}`,
    );
    const profile = profiles[0];
    if (!profile) throw personNotFound();
    await writeAudit(tx, { organisationId, actor: by.actor, action: 'person.exported', targetType: 'employee', targetId: id, at: by.now });

    const mine = sql`organisation_id = ${organisationId} AND employee_id = ${id}`;
    const shares = await run<{ id: string; content_id: string; title: string; network: Network; code: string; created_at: Date }>(
      tx,
      sql`SELECT s.id, s.content_id, c.title, s.network, s.code, s.created_at
            FROM shares s JOIN content c ON c.organisation_id = s.organisation_id AND c.id = s.content_id
           WHERE s.organisation_id = ${organisationId} AND s.employee_id = ${id}
           ORDER BY s.created_at, s.id`,
    );
    const points = await run<{ period_kind: string; period_start: string; points: number; shares: number; clicks: number }>(
      tx,
      sql`SELECT period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, points::int, shares::int, clicks::int
            FROM points WHERE ${mine} ORDER BY period_kind, period_start`,
    );
    const days = await run<{ day: string; shares: number; readers: number }>(
      tx,
      sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, shares::int, readers::int FROM employee_days WHERE ${mine} ORDER BY day`,
    );
    const testimonials = await run<TestimonialRow>(tx, sql`SELECT ${raw(TESTIMONIAL_COLUMNS)} FROM testimonials WHERE ${mine} ORDER BY created_at, id`);
    const testimonialIds = testimonials.rows.map((row) => row.id);
    // About them (deactivation, export, erasure), by them, or about their testimonials.
    const audit = await run<{ at: Date; actor: string; action: string; target_type: string; target_id: string; detail: Record<string, unknown> }>(
      tx,
      sql`SELECT at, actor, action, target_type, target_id, detail FROM audit_log
           WHERE organisation_id = ${organisationId}
             AND ((target_type = 'employee' AND target_id = ${id})
                  OR actor = ${`employee:${id}`}
                  OR (target_type = 'testimonial' AND target_id = ANY(${testimonialIds}::text[])))
           ORDER BY at, id`,
    );

    return {
      exportedAt: by.now.toISOString(),
      person: {
        id: profile.id,
        subject: profile.subject,
        name: profile.name,
        displayName: profile.display_name,
        email: profile.email,
        team: profile.team,
        avatarUrl: profile.avatar_url,
        optedIn: profile.leaderboard_opt_in,
        audience: storedAudience(profile.audience),
        status: personStatus(profile),
        firstSeenAt: profile.created_at.toISOString(),
        lastActiveAt: profile.last_seen_at.toISOString(),
        deactivatedAt: profile.deactivated_at?.toISOString() ?? null,
        erasedAt: profile.erased_at?.toISOString() ?? null,
      },
      shares: shares.rows.map((row) => ({
        id: row.id,
        contentId: row.content_id,
        contentTitle: row.title,
        network: row.network,
        code: row.code,
        createdAt: row.created_at.toISOString(),
      })),
      points: points.rows.map((row) => ({ period: row.period_kind, periodStart: row.period_start, points: row.points, shares: row.shares, clicks: row.clicks })),
      days: days.rows,
      testimonials: testimonials.rows.map(toTestimonial),
      audit: audit.rows.map((row) => ({
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        detail: row.detail,
      })),
    };
  });
}
