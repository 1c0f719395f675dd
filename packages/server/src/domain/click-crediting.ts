import type { Db, Queryable } from '../db/db.js';
import type { UncreditedReason } from './click-classification.js';
import { lockOrganisationCounters } from './counter-lock.js';
import { loadOrganisationSettings, type OrganisationSettings } from './organisations.js';
import { addDailyStats, addPoints } from './points.js';
import { addClickAggregates } from './programme-aggregates.js';
import { awardSharePoints } from './share-awards.js';
import type { ClickToRecord } from './tracked-click.js';

/** A click with its keyed hashes; the IP and User-Agent themselves are gone. */
export interface ClickToCredit extends Omit<ClickToRecord, 'ip' | 'userAgent'> {
  /** Given by the redirect: with `at`, unique in `clicks`, so a replayed click is never counted twice. */
  clickId: string;
  /** UTC day of `at`: every limit below is per day. */
  day: string;
  /** Network prefix and browser under the day's salt: one visitor. */
  visitorHash: Buffer;
  /** Network prefix alone under the day's salt: one office or home. */
  networkHash: Buffer;
  /** Under the organisation's key, to compare with the sharer's device and network. */
  deviceHash: Buffer;
  sharerNetworkHash: Buffer;
}

interface Decided extends ClickToCredit {
  credited: boolean;
  finalReason: UncreditedReason | null;
}

interface ShareState {
  id: string;
  sharer_fingerprint: Uint8Array | null;
  sharer_network: Uint8Array | null;
  sharer_network_day: string | null;
  burst: boolean;
}

const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Decides which clicks of a batch are credited, writes them, and moves the
 * counters, in one transaction under the organisations' counter locks
 * (docs/honest-figures.md). A click is credited when, in this order, it is
 * not a robot, preview or HEAD (decided by the redirect); not the sharer's
 * own device, nor their network on a day they shared from it (`self`); its
 * share has not stopped crediting after a burst (`burst`); it is the
 * visitor's first that day (`repeat`); its network has not already brought
 * `creditsPerNetworkPerDay` first visits to the share that day
 * (`repeat-network`); and the share has not had `burstCreditsPerMinute`
 * credited visits in that minute (`burst`: the share stops crediting and
 * is listed for review).
 */
export async function creditClicks(db: Db, clicks: readonly ClickToCredit[]): Promise<CreditedBatch> {
  const seen = new Set<string>();
  let remaining = clicks.filter((click) => !seen.has(click.clickId) && seen.add(click.clickId));
  for (;;) {
    try {
      return await creditInOneTransaction(db, remaining);
    } catch (error) {
      if (!(error instanceof ClicksAlreadyRecorded)) throw error;
      // Rolled back: credit again without the clicks an earlier run committed (a journal replay).
      remaining = remaining.filter((click) => !error.clickIds.has(click.clickId));
    }
  }
}

/** What one batch did, for the recorder's counters. */
export interface CreditedBatch {
  /** Rows inserted into `clicks`; clicks already there are not counted again. */
  written: number;
  credited: number;
  /** Clicks written but not credited, by reason. */
  uncredited: Partial<Record<UncreditedReason, number>>;
}

/** Some clicks of the batch are in `clicks` already: thrown inside the transaction to roll it back. */
class ClicksAlreadyRecorded extends Error {
  override readonly name = 'ClicksAlreadyRecorded';
  constructor(readonly clickIds: ReadonlySet<string>) {
    super(`${clickIds.size} clicks were recorded already`);
  }
}

async function creditInOneTransaction(db: Db, clicks: readonly ClickToCredit[]): Promise<CreditedBatch> {
  if (clicks.length === 0) return { written: 0, credited: 0, uncredited: {} };
  return db.transaction(async (tx) => {
    const organisations = [...new Set(clicks.map((click) => click.organisationId))].sort();
    await lockOrganisationCounters(tx, organisations);
    const settings = new Map<string, OrganisationSettings>();
    for (const organisationId of organisations) settings.set(organisationId, await loadOrganisationSettings(tx, organisationId));
    const rules = (click: ClickToCredit): OrganisationSettings => settings.get(click.organisationId)!;

    const decided: Decided[] = clicks.map((click) => ({ ...click, credited: false, finalReason: click.reason ?? null }));
    await excludeSharersAndBursts(tx, decided);
    await creditFirstVisits(tx, decided);
    await capPerNetwork(tx, decided, rules);
    await stopBursts(tx, decided, rules);
    // The decisions above already touched per-visitor rows, so a click found recorded rolls everything back.
    const duplicates = await insertClicks(tx, decided);
    if (duplicates.size > 0) throw new ClicksAlreadyRecorded(duplicates);
    await moveCounters(tx, decided, rules);
    return tally(decided);
  });
}

function tally(clicks: readonly Decided[]): CreditedBatch {
  const batch: CreditedBatch = { written: clicks.length, credited: 0, uncredited: {} };
  for (const click of clicks) {
    if (click.credited) batch.credited += 1;
    else {
      const reason = click.finalReason ?? 'repeat';
      batch.uncredited[reason] = (batch.uncredited[reason] ?? 0) + 1;
    }
  }
  return batch;
}

const pending = (clicks: Decided[]): Decided[] => clicks.filter((click) => click.finalReason === null && !click.credited);
const credited = (clicks: Decided[]): Decided[] => clicks.filter((click) => click.credited);

async function excludeSharersAndBursts(tx: Queryable, clicks: Decided[]): Promise<void> {
  const { rows } = await tx.query<ShareState>(
    `SELECT id, sharer_fingerprint, sharer_network, sharer_network_day::text AS sharer_network_day, burst_at IS NOT NULL AS burst
       FROM shares WHERE id = ANY($1::uuid[])`,
    [[...new Set(clicks.map((click) => click.shareId))]],
  );
  const shares = new Map(rows.map((row) => [row.id, row]));
  for (const click of pending(clicks)) {
    const share = shares.get(click.shareId);
    if (!share) continue;
    const ownDevice = share.sharer_fingerprint !== null && Buffer.from(share.sharer_fingerprint).equals(click.deviceHash);
    const ownNetwork = share.sharer_network !== null && share.sharer_network_day === click.day && Buffer.from(share.sharer_network).equals(click.sharerNetworkHash);
    if (ownDevice || ownNetwork) click.finalReason = 'self';
    else if (share.burst) click.finalReason = 'burst';
  }
}

/** A candidate is the visitor's first of the day on this share when its (share, day, visitor) row is new. */
async function creditFirstVisits(tx: Queryable, clicks: Decided[]): Promise<void> {
  const firstInBatch = new Map<string, Decided>();
  for (const click of pending(clicks)) {
    const key = `${click.shareId}|${click.day}|${click.visitorHash.toString('hex')}`;
    if (!firstInBatch.has(key)) firstInBatch.set(key, click);
  }
  const candidates = byKey(firstInBatch);
  if (candidates.length > 0) {
    const { rows } = await tx.query<{ share_id: string; day: string; visitor_hash: string }>(
      `INSERT INTO click_visitors (share_id, day, visitor_hash)
       SELECT share_id, day, decode(visitor_hash, 'hex') FROM unnest($1::uuid[], $2::date[], $3::text[]) AS batch (share_id, day, visitor_hash)
       ON CONFLICT DO NOTHING
       RETURNING share_id, day::text AS day, encode(visitor_hash, 'hex') AS visitor_hash`,
      [candidates.map(([, click]) => click.shareId), candidates.map(([, click]) => click.day), candidates.map(([, click]) => click.visitorHash.toString('hex'))],
    );
    const inserted = new Set(rows.map((row) => `${row.share_id}|${row.day}|${row.visitor_hash}`));
    for (const [key, click] of candidates) click.credited = inserted.has(key);
  }
  for (const click of pending(clicks)) click.finalReason = 'repeat';
}

/** At most `creditsPerNetworkPerDay` first visits per share, day and network are credited, whatever the browser. */
async function capPerNetwork(tx: Queryable, clicks: Decided[], rules: (click: ClickToCredit) => OrganisationSettings): Promise<void> {
  const groups = new Map<string, Decided[]>();
  for (const click of credited(clicks)) {
    const key = `${click.shareId}|${click.day}|${click.networkHash.toString('hex')}`;
    groups.set(key, [...(groups.get(key) ?? []), click]);
  }
  for (const [, group] of byKey(groups)) {
    const first = group[0]!;
    const { rows } = await tx.query<{ first_visits: number }>(
      `INSERT INTO click_networks (share_id, day, network_hash, first_visits) VALUES ($1, $2, $3, $4)
       ON CONFLICT (share_id, day, network_hash) DO UPDATE SET first_visits = click_networks.first_visits + EXCLUDED.first_visits
       RETURNING first_visits`,
      [first.shareId, first.day, first.networkHash, group.length],
    );
    const before = rows[0]!.first_visits - group.length;
    const allowed = Math.max(0, rules(first).creditsPerNetworkPerDay - before);
    for (const click of group.slice(allowed)) {
      click.credited = false;
      click.finalReason = 'repeat-network';
    }
  }
}

/** Past `burstCreditsPerMinute` credited visits in one minute, a share stops crediting until an admin reviews it. */
async function stopBursts(tx: Queryable, clicks: Decided[], rules: (click: ClickToCredit) => OrganisationSettings): Promise<void> {
  const groups = new Map<string, Decided[]>();
  for (const click of credited(clicks)) {
    const minute = new Date(Math.floor(click.at.getTime() / 60_000) * 60_000).toISOString();
    const key = `${click.shareId}|${minute}`;
    groups.set(key, [...(groups.get(key) ?? []), click]);
  }
  const stopped = new Set<string>();
  for (const [key, group] of byKey(groups)) {
    const first = group[0]!;
    if (stopped.has(first.shareId)) {
      for (const click of group) Object.assign(click, { credited: false, finalReason: 'burst' });
      continue;
    }
    const minute = key.slice(key.indexOf('|') + 1);
    const { rows } = await tx.query<{ credited: number }>(
      `INSERT INTO share_minutes (share_id, minute, credited) VALUES ($1, $2, $3)
       ON CONFLICT (share_id, minute) DO UPDATE SET credited = share_minutes.credited + EXCLUDED.credited
       RETURNING credited`,
      [first.shareId, minute, group.length],
    );
    const threshold = rules(first).burstCreditsPerMinute;
    if (rows[0]!.credited <= threshold) continue;
    const allowed = Math.max(0, threshold - (rows[0]!.credited - group.length));
    for (const click of group.slice(allowed)) Object.assign(click, { credited: false, finalReason: 'burst' });
    stopped.add(first.shareId);
    await tx.query('UPDATE shares SET burst_at = $2 WHERE id = $1 AND burst_at IS NULL', [first.shareId, first.at]);
    await tx.query(
      `INSERT INTO trust_flags (id, organisation_id, kind, employee_id, share_id, detail, created_at)
       VALUES ($1, $2, 'burst', $3, $4, $5, $6)
       ON CONFLICT (share_id) WHERE kind = 'burst' AND reviewed_at IS NULL DO NOTHING`,
      [crypto.randomUUID(), first.organisationId, first.employeeId, first.shareId, JSON.stringify({ minute, credited: rows[0]!.credited, threshold }), first.at],
    );
  }
}

/** Inserts the batch in one statement; returns the ids of clicks that were in `clicks` already. */
async function insertClicks(tx: Queryable, clicks: readonly Decided[]): Promise<Set<string>> {
  const { rows } = await tx.query<{ click_id: string }>(
    `INSERT INTO clicks (click_id, organisation_id, share_id, occurred_at, visitor_hash, credited, reason)
     SELECT click_id, organisation_id, share_id, occurred_at, decode(visitor_hash, 'hex'), credited, reason
       FROM unnest($7::uuid[], $1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::boolean[], $6::text[])
         AS batch (click_id, organisation_id, share_id, occurred_at, visitor_hash, credited, reason)
     ON CONFLICT (click_id, occurred_at) DO NOTHING
     RETURNING click_id`,
    [
      clicks.map((click) => click.organisationId),
      clicks.map((click) => click.shareId),
      clicks.map((click) => click.at.toISOString()),
      // Arrays travel as text on both drivers; bytea goes as hex.
      clicks.map((click) => click.visitorHash.toString('hex')),
      clicks.map((click) => click.credited),
      clicks.map((click) => (click.credited ? null : click.finalReason ?? 'repeat')),
      clicks.map((click) => click.clickId),
    ],
  );
  if (rows.length === clicks.length) return new Set();
  const inserted = new Set(rows.map((row) => row.click_id));
  return new Set(clicks.map((click) => click.clickId).filter((id) => !inserted.has(id)));
}

/**
 * Points for credited readers, share points under the `first-reader` rule
 * (the employee's first credited reader on any network of a content), the
 * daily figures per network, and the dashboard's (programme-aggregates.ts).
 */
async function moveCounters(tx: Queryable, clicks: readonly Decided[], rules: (click: ClickToCredit) => OrganisationSettings): Promise<void> {
  const perEmployeeDay = new Map<string, { click: Decided; count: number; points: number }>();
  const perNetworkDay = new Map<string, { click: Decided; credited: number; uncredited: number }>();
  const firstReaders = new Map<string, Decided>();
  for (const click of clicks) {
    const statsKey = `${click.organisationId}|${click.day}|${click.network}`;
    const stats = perNetworkDay.get(statsKey) ?? { click, credited: 0, uncredited: 0 };
    if (click.credited) stats.credited += 1;
    else stats.uncredited += 1;
    perNetworkDay.set(statsKey, stats);
    if (!click.credited) continue;
    const key = `${click.organisationId}|${click.employeeId}|${click.day}`;
    const entry = perEmployeeDay.get(key) ?? { click, count: 0, points: 0 };
    entry.count += 1;
    entry.points += rules(click).pointsPerClick;
    perEmployeeDay.set(key, entry);
    const award = `${click.organisationId}|${click.employeeId}|${click.contentId}`;
    if (rules(click).sharePointsRule === 'first-reader' && !firstReaders.has(award)) firstReaders.set(award, click);
  }
  // In the order readers came: under the daily cap, the first content read earns first.
  const awards = byKey(firstReaders).sort(([, a], [, b]) => a.at.getTime() - b.at.getTime());
  for (const [, click] of awards) {
    const points = await awardSharePoints(tx, click, rules(click));
    if (points > 0) await addPoints(tx, { organisationId: click.organisationId, employeeId: click.employeeId, at: click.at, points });
  }
  for (const [, { click, count, points }] of byKey(perEmployeeDay)) {
    await addPoints(tx, { organisationId: click.organisationId, employeeId: click.employeeId, at: click.at, points, clicks: count });
  }
  for (const [, { click, credited: creditedClicks, uncredited }] of byKey(perNetworkDay)) {
    await addDailyStats(tx, { organisationId: click.organisationId, at: click.at, network: click.network, creditedClicks, uncreditedClicks: uncredited });
  }
  await addClickAggregates(
    tx,
    clicks.map(({ organisationId, employeeId, contentId, network, day, credited, finalReason }) => ({
      organisationId, employeeId, contentId, network, day, credited, reason: credited ? null : finalReason ?? 'repeat',
    })),
  );
}
