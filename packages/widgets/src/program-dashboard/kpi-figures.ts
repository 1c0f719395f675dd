import type { ProgrammeKpis } from '@advocacy/sdk';
import type { LocalizeController, MessageParams } from '../base/localize.js';
import type { AdminMessageKey, AdminPluralKey } from '../translations/admin.js';

/** A figure tile: its label, its value now and in the previous range, and how to word both. */
export interface Kpi {
  readonly label: AdminMessageKey;
  readonly value: number | null;
  readonly previous: number | null;
  readonly kind: 'count' | 'ratio' | 'estimate';
  /** Under the value: "24 of 60". */
  readonly detail?: string;
}

/** The widget's language: its Intl helpers and its admin catalog. */
export interface KpiWords {
  readonly l: LocalizeController;
  a(key: AdminMessageKey, params?: MessageParams): string;
  plural(count: number, key: AdminPluralKey): string;
}

/** The dashboard's figures in the order shown; `previous` undefined shows them alone (no change to state). */
export function kpiList(w: KpiWords, kpis: ProgrammeKpis, previous: ProgrammeKpis | undefined): Kpi[] {
  const of = (people: number) => w.a('dashboardParticipationOf', { active: kpis.activeAmbassadors, people });
  return [
    { label: 'dashboardActive', value: kpis.activeAmbassadors, previous: previous?.activeAmbassadors ?? null, kind: 'count' },
    {
      label: 'dashboardParticipationOptedIn',
      value: kpis.participation.ofOptedIn,
      previous: previous?.participation.ofOptedIn ?? null,
      kind: 'ratio',
      detail: of(kpis.optedInEmployees),
    },
    { label: 'dashboardParticipationAll', value: kpis.participation.ofAll, previous: previous?.participation.ofAll ?? null, kind: 'ratio', detail: of(kpis.allEmployees) },
    { label: 'dashboardShares', value: kpis.shares, previous: previous?.shares ?? null, kind: 'count' },
    { label: 'dashboardReaders', value: kpis.creditedReaders, previous: previous?.creditedReaders ?? null, kind: 'count' },
    { label: 'dashboardUncredited', value: kpis.uncreditedVisits.total, previous: previous?.uncreditedVisits.total ?? null, kind: 'count' },
    { label: 'dashboardReach', value: kpis.estimatedReach, previous: previous?.estimatedReach ?? null, kind: 'estimate' },
  ];
}

/** "1,200", "40%", "≈ 48,000" (an estimate), or "No one to count" for a ratio with nobody to divide by. */
export function kpiValue(w: KpiWords, value: number | null, kind: Kpi['kind']): string {
  if (value === null) return w.a('dashboardNoOne');
  if (kind === 'ratio') return w.l.number(value, { style: 'percent', maximumFractionDigits: 1 });
  return kind === 'estimate' && value > 0 ? `≈\u00a0${w.l.number(value)}` : w.l.number(value);
}

/**
 * "Up 20% on the previous range (1,000)": in words, never colour alone.
 * Ratios move in percentage points; from zero, by how many.
 */
export function kpiDelta(w: KpiWords, { value, previous, kind }: Kpi): string {
  if (value === null || previous === null) return w.a('dashboardDeltaNoPrevious');
  const before = kpiValue(w, previous, kind);
  if (value === previous) return w.a('dashboardDeltaSame', { previous: before });
  const change = Math.abs(value - previous);
  const delta =
    kind === 'ratio'
      ? w.plural(Math.round(change * 1000) / 10, 'dashboardPoints')
      : previous === 0
        ? w.l.number(change)
        : w.l.number(change / previous, { style: 'percent', maximumFractionDigits: 0 });
  return w.a(value > previous ? 'dashboardDeltaUp' : 'dashboardDeltaDown', { delta, previous: before });
}
