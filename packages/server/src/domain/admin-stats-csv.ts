import type { AdminStats } from '@advocacy/sdk/contract';

// The dashboard's rows as a spreadsheet file: RFC 4180 (CRLF, fields with a
// comma, quote or line break quoted, quotes doubled), UTF-8, and safe to open
// in a spreadsheet: a cell starting with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before one) is prefixed with ', so it
// is never read as a formula (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, escaped. Numbers are written as they are (a negative number never occurs in these files). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const ADMIN_STATS_CSV_HEADER = [
  'key',
  'label',
  'shares',
  'credited_readers',
  'uncredited_bots',
  'uncredited_link_previews',
  'uncredited_repeats',
  'uncredited_own_clicks',
  'uncredited_total',
  'estimated_reach',
  'active_ambassadors',
  'employees',
] as const;

/** The rows of `stats` (its `groupBy`), header first, each line ending in CRLF. */
export function adminStatsCsv(stats: AdminStats): string {
  const lines = [ADMIN_STATS_CSV_HEADER.join(',')];
  for (const row of stats.rows) {
    const visits = row.uncreditedVisits;
    lines.push(
      [row.key, row.label, row.shares, row.creditedReaders, visits.bots, visits.linkPreviews, visits.repeats, visits.ownClicks, visits.total, row.estimatedReach, row.activeAmbassadors, row.employees]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `attachment; filename="advocacy-team-2026-12-28_2027-01-03.csv"` (the parts are checked dates and a fixed word). */
export function adminStatsFileName(stats: AdminStats): string {
  return `advocacy-${stats.groupBy}-${stats.range.from}_${stats.range.to}.csv`;
}
