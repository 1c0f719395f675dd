import type { Network } from '@advocacy/sdk/contract';
import type { Db } from '../db/db.js';
import { lockOrganisationCounters } from './counter-lock.js';
import type { OrganisationSettings } from './organisations.js';
import { isoDate } from './periods.js';
import { addDailyStats, addPoints } from './points.js';
import { addShareAggregates } from './programme-aggregates.js';
import { awardSharePoints } from './share-awards.js';
import { newShareCode } from './share-codes.js';

export interface ShareRow {
  id: string;
  code: string;
  content_id: string;
  network: Network;
  created_at: Date;
}

export interface ShareRequest {
  organisationId: string;
  employeeId: string;
  contentId: string;
  network: Network;
  at: Date;
  /** The sharer's device (visitor-fingerprint.ts `fingerprint`) and network that day (`sharerNetworkFingerprint`). */
  sharerFingerprint: Buffer;
  sharerNetwork: Buffer;
}

/**
 * The employee's tracked link for a content and network: created on first
 * ask (moving the share counters, and the share's points under the
 * `on-share` rule), the same link afterwards. Either way, the device and
 * network it is asked from become the sharer's own for that day, so their
 * visits are not credited.
 */
export async function createOrFetchShare(db: Db, request: ShareRequest, settings: OrganisationSettings): Promise<{ row: ShareRow; created: boolean }> {
  const { organisationId, employeeId, contentId, network, at } = request;
  const day = isoDate(at);
  return db.transaction(async (tx) => {
    await lockOrganisationCounters(tx, [organisationId]);
    const inserted = await tx.query<ShareRow>(
      `INSERT INTO shares (id, organisation_id, employee_id, content_id, network, code, created_at, sharer_fingerprint, sharer_network, sharer_network_day)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (organisation_id, employee_id, content_id, network) DO NOTHING
       RETURNING id, code, content_id, network, created_at`,
      [crypto.randomUUID(), organisationId, employeeId, contentId, network, newShareCode(), at, request.sharerFingerprint, request.sharerNetwork, day],
    );
    const row = inserted.rows[0];
    if (row) {
      const points = settings.sharePointsRule === 'on-share' ? await awardSharePoints(tx, { organisationId, employeeId, contentId, shareId: row.id, at }, settings) : 0;
      await addPoints(tx, { organisationId, employeeId, at, points, shares: 1 });
      await addDailyStats(tx, { organisationId, at, network, shares: 1 });
      await addShareAggregates(tx, { organisationId, employeeId, contentId, network, at, reachCapPerEmployee: settings.reachCapPerEmployee });
      return { row, created: true };
    }
    const existing = await tx.query<ShareRow>(
      `UPDATE shares SET sharer_fingerprint = $5, sharer_network = $6, sharer_network_day = $7
        WHERE organisation_id = $1 AND employee_id = $2 AND content_id = $3 AND network = $4
        RETURNING id, code, content_id, network, created_at`,
      [organisationId, employeeId, contentId, network, request.sharerFingerprint, request.sharerNetwork, day],
    );
    return { row: existing.rows[0]!, created: false };
  });
}
