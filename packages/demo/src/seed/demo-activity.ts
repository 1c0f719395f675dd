import { NETWORKS, PERIODS, type Network } from '@advocacy/sdk/contract';
import { addClickAggregates, addShareAggregates, awardSharePoints, isoDate, lockOrganisationCounters, newShareCode, periodStart, type Queryable } from '@advocacy/server';
import { CLICK_SPAN_DAYS, daysBetween, planDemoDay, type PlannedShare } from './demo-activity-plan.js';
import { DEMO_CONTENT, DEMO_ORGANISATION, type DemoEmployee } from './demo-data.js';

const DAY_MS = 86_400_000;
/** A demo left alone longer than this gets this much activity back, not every day since. */
const MAX_CATCH_UP_DAYS = 92;

export interface DemoActivityReport {
  shares: number;
  clicks: number;
}

interface Counter {
  employeeId: string;
  kind: string;
  start: string;
  points: number;
  shares: number;
  clicks: number;
}

interface DailyCounter {
  day: string;
  network: Network;
  shares: number;
  credited: number;
  uncredited: number;
}

export const demoContentUrl = (index: number): string => new URL(DEMO_CONTENT[index]!.path, `https://${DEMO_ORGANISATION.domain}`).href;

/**
 * Adds the demo's planned activity (see `planDemoDay`) that falls in
 * `(from, to]`: shares, clicks, and the counters they move (points per
 * period, daily figures), in the caller's transaction. What happens in an
 * interval depends only on the interval, so adding up to noon and then up
 * to evening gives the same rows as adding up to evening at once.
 *
 * A planned share whose employee already shared that content on that
 * network (by hand, in the demo) moves to the employee's next free pair.
 */
export async function addDemoActivity(
  tx: Queryable,
  organisationId: string,
  people: readonly DemoEmployee[],
  seed: number,
  window: { from: Date; to: Date },
): Promise<DemoActivityReport> {
  const from = new Date(Math.max(window.from.getTime(), window.to.getTime() - MAX_CATCH_UP_DAYS * DAY_MS));
  const { to } = window;
  if (from >= to) return { shares: 0, clicks: 0 };
  const inWindow = (at: Date): boolean => at > from && at <= to;

  await lockOrganisationCounters(tx, [organisationId]);
  const organisation = await tx.query<{ points_per_share: number; points_per_click: number; share_points_rule: string; daily_share_points_cap: number; reach_cap_per_employee: number }>(
    'SELECT points_per_share, points_per_click, share_points_rule, daily_share_points_cap, reach_cap_per_employee FROM organisations WHERE id = $1',
    [organisationId],
  );
  const { points_per_share: pointsPerShare, points_per_click: pointsPerClick } = organisation.rows[0]!;
  const awardRules = { pointsPerShare, dailySharePointsCap: organisation.rows[0]!.daily_share_points_cap };
  const awardOnShare = organisation.rows[0]!.share_points_rule === 'on-share';
  const reachCapPerEmployee = Number(organisation.rows[0]!.reach_cap_per_employee);
  const employees = await tx.query<{ id: string; subject: string }>('SELECT id, subject FROM employees WHERE organisation_id = $1', [organisationId]);
  const employeeIds = new Map(employees.rows.map((row) => [row.subject, row.id]));
  const contents = await tx.query<{ id: string; url: string }>('SELECT id, url FROM content WHERE organisation_id = $1', [organisationId]);
  const contentIds = new Map(contents.rows.map((row) => [row.url, row.id]));
  const contentIdOf = (index: number): string | undefined => contentIds.get(demoContentUrl(index));
  const taken = new Set(
    (await tx.query<{ employee_id: string; content_id: string; network: string }>('SELECT employee_id, content_id, network FROM shares WHERE organisation_id = $1', [organisationId])).rows.map(
      (row) => `${row.employee_id}|${row.content_id}|${row.network}`,
    ),
  );

  const plan = daysBetween(new Date(from.getTime() - CLICK_SPAN_DAYS * DAY_MS), to).flatMap((day) => planDemoDay(day, people, seed));

  // Shares: each planned one in the window, on the first pair its employee has not shared yet.
  const newShares: { share: PlannedShare; employeeId: string; contentId: string; network: Network }[] = [];
  for (const share of plan.filter((planned) => inWindow(planned.at))) {
    const employeeId = employeeIds.get(people[share.employeeIndex]!.subject);
    if (!employeeId) continue;
    const free = freePair(share, (contentIndex, network) => {
      const contentId = contentIdOf(contentIndex);
      return contentId !== undefined && !taken.has(`${employeeId}|${contentId}|${network}`);
    });
    if (!free) continue;
    const contentId = contentIdOf(free.contentIndex)!;
    taken.add(`${employeeId}|${contentId}|${free.network}`);
    newShares.push({ share, employeeId, contentId, network: free.network });
  }
  if (newShares.length > 0) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at)
       SELECT id, $1, employee_id, content_id, network, code, created_at
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS rows (id, employee_id, content_id, network, code, created_at)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        organisationId,
        newShares.map((row) => row.share.id),
        newShares.map((row) => row.employeeId),
        newShares.map((row) => row.contentId),
        newShares.map((row) => row.network),
        newShares.map(() => newShareCode()),
        newShares.map((row) => row.share.at.toISOString()),
      ],
    );
    // Another writer may have taken a pair since it was read: only what went in is counted.
    const stored = new Set(inserted.rows.map((row) => row.id));
    newShares.splice(0, newShares.length, ...newShares.filter((row) => stored.has(row.share.id)));
  }

  // Clicks: those in the window, on planned shares that exist (made now or by an earlier start).
  const clickCandidates = plan.filter((share) => share.clicks.some((click) => inWindow(click.at)));
  const existing = await tx.query<{ id: string; employee_id: string; content_id: string; network: string }>(
    'SELECT id, employee_id, content_id, network FROM shares WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
    [organisationId, clickCandidates.map((share) => share.id)],
  );
  const sharesById = new Map(existing.rows.map((row) => [row.id, row]));
  const clicks = clickCandidates.flatMap((share) => {
    const stored = sharesById.get(share.id);
    return stored ? share.clicks.filter((click) => inWindow(click.at)).map((click) => ({ click, stored })) : [];
  });
  if (clicks.length > 0) {
    await tx.query(
      `INSERT INTO clicks (organisation_id, share_id, occurred_at, visitor_hash, credited, reason, click_id)
       SELECT $1, share_id, occurred_at, decode(hash, 'hex'), reason IS NULL, reason, gen_random_uuid()
         FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[]) AS rows (share_id, occurred_at, hash, reason)`,
      [organisationId, clicks.map(({ stored }) => stored.id), clicks.map(({ click }) => click.at.toISOString()), clicks.map(({ click }) => click.visitorHash), clicks.map(({ click }) => click.reason)],
    );
    const readers = clicks.filter(({ click }) => click.reason === null);
    await tx.query(
      `INSERT INTO click_visitors (share_id, day, visitor_hash)
       SELECT share_id, day, decode(hash, 'hex') FROM unnest($1::uuid[], $2::date[], $3::text[]) AS rows (share_id, day, hash)
       ON CONFLICT DO NOTHING`,
      [readers.map(({ stored }) => stored.id), readers.map(({ click }) => isoDate(click.at)), readers.map(({ click }) => click.visitorHash)],
    );
  }

  // The counters those rows imply, added to what is there.
  const counters = new Map<string, Counter>();
  const daily = new Map<string, DailyCounter>();
  const credit = (employeeId: string, at: Date, points: number, field: 'shares' | 'clicks' | 'points'): void => {
    for (const kind of PERIODS) {
      const start = periodStart(kind, at);
      const key = `${kind}|${start}|${employeeId}`;
      const row = counters.get(key) ?? { employeeId, kind, start, points: 0, shares: 0, clicks: 0 };
      row.points += points;
      if (field !== 'points') row[field] += 1;
      counters.set(key, row);
    }
  };
  const count = (at: Date, network: string, field: 'shares' | 'credited' | 'uncredited'): void => {
    if (!(NETWORKS as readonly string[]).includes(network)) return;
    const key = `${isoDate(at)}|${network}`;
    const row = daily.get(key) ?? { day: isoDate(at), network: network as Network, shares: 0, credited: 0, uncredited: 0 };
    row[field] += 1;
    daily.set(key, row);
  };
  // Share points as the live rules grant them (share-awards.ts): once per content, on sharing or at its first credited reader.
  for (const { share, employeeId, contentId, network } of newShares) {
    const points = awardOnShare ? await awardSharePoints(tx, { organisationId, employeeId, contentId, shareId: share.id, at: share.at }, awardRules) : 0;
    credit(employeeId, share.at, points, 'shares');
    count(share.at, network, 'shares');
  }
  // The programme dashboard's counters, moved as the live share and click paths move them (programme-aggregates.ts).
  for (const { share, employeeId, contentId, network } of [...newShares].sort((a, b) => a.share.at.getTime() - b.share.at.getTime())) {
    await addShareAggregates(tx, { organisationId, employeeId, contentId, network, at: share.at, reachCapPerEmployee });
  }
  await addClickAggregates(
    tx,
    clicks.map(({ click, stored }) => ({
      organisationId,
      employeeId: stored.employee_id,
      contentId: stored.content_id,
      network: stored.network,
      day: isoDate(click.at),
      credited: click.reason === null,
      reason: click.reason,
    })),
  );
  const byTime = [...clicks].sort((a, b) => a.click.at.getTime() - b.click.at.getTime() || (a.stored.id < b.stored.id ? -1 : 1));
  for (const { click, stored } of byTime) {
    if (click.reason === null) {
      if (!awardOnShare) {
        const award = { organisationId, employeeId: stored.employee_id, contentId: stored.content_id, shareId: stored.id, at: click.at };
        const points = await awardSharePoints(tx, award, awardRules);
        if (points > 0) credit(stored.employee_id, click.at, points, 'points');
      }
      credit(stored.employee_id, click.at, pointsPerClick, 'clicks');
      count(click.at, stored.network, 'credited');
    } else {
      count(click.at, stored.network, 'uncredited');
    }
  }
  // In primary-key order, as every other writer of these rows: no deadlock with live traffic.
  const pointRows = [...counters.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.start.localeCompare(b.start) || a.employeeId.localeCompare(b.employeeId));
  if (pointRows.length > 0) {
    await tx.query(
      `INSERT INTO points (organisation_id, period_kind, period_start, employee_id, points, shares, clicks, listed, team_id)
       SELECT $1, rows.kind, rows.start, rows.employee, rows.points, rows.shares, rows.clicks, e.leaderboard_opt_in, e.team_id
         FROM unnest($2::text[], $3::date[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS rows (kind, start, employee, points, shares, clicks, n)
         JOIN employees e ON e.organisation_id = $1 AND e.id = rows.employee
        ORDER BY rows.n
       ON CONFLICT (organisation_id, period_kind, period_start, employee_id) DO UPDATE
         SET points = points.points + EXCLUDED.points, shares = points.shares + EXCLUDED.shares, clicks = points.clicks + EXCLUDED.clicks`,
      [
        organisationId,
        pointRows.map((row) => row.kind),
        pointRows.map((row) => row.start),
        pointRows.map((row) => row.employeeId),
        pointRows.map((row) => row.points),
        pointRows.map((row) => row.shares),
        pointRows.map((row) => row.clicks),
      ],
    );
  }
  const dailyRows = [...daily.values()].sort((a, b) => a.day.localeCompare(b.day) || a.network.localeCompare(b.network));
  if (dailyRows.length > 0) {
    await tx.query(
      `INSERT INTO daily_stats AS d (organisation_id, day, network, shares, credited_clicks, uncredited_clicks)
       SELECT $1, day, network, shares, credited, uncredited FROM unnest($2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[]) AS rows (day, network, shares, credited, uncredited)
       ON CONFLICT (organisation_id, day, network) DO UPDATE
         SET shares = d.shares + EXCLUDED.shares, credited_clicks = d.credited_clicks + EXCLUDED.credited_clicks, uncredited_clicks = d.uncredited_clicks + EXCLUDED.uncredited_clicks`,
      [organisationId, dailyRows.map((row) => row.day), dailyRows.map((row) => row.network), dailyRows.map((row) => row.shares), dailyRows.map((row) => row.credited), dailyRows.map((row) => row.uncredited)],
    );
  }
  return { shares: newShares.length, clicks: clicks.length };
}

/** The planned pair if it is free, else the next free one: contents in order, then networks in order. */
function freePair(share: PlannedShare, isFree: (contentIndex: number, network: Network) => boolean): { contentIndex: number; network: Network } | undefined {
  const networks = [share.network, ...NETWORKS.filter((network) => network !== share.network)];
  for (const network of networks) {
    for (let step = 0; step < DEMO_CONTENT.length; step++) {
      const contentIndex = (share.contentIndex + step) % DEMO_CONTENT.length;
      if (isFree(contentIndex, network)) return { contentIndex, network };
    }
  }
  return undefined;
}
