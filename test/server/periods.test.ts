import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodRange, periodStart, previousPeriodRange } from '../../packages/server/src/domain/periods.js';

const at = (iso: string): Date => new Date(iso);
const day = (date: Date | undefined): string | undefined => date?.toISOString().slice(0, 10);

describe('period boundaries (UTC, weeks from Monday)', () => {
  // Each row: the instant, then the expected starts of its week, month and quarter, written out by hand.
  const cases = [
    { when: '2027-01-01T00:05:00Z', week: '2026-12-28', month: '2027-01-01', quarter: '2027-01-01', note: '1 January, a Friday' },
    { when: '2026-12-31T23:59:00Z', week: '2026-12-28', month: '2026-12-01', quarter: '2026-10-01', note: 'last minute of a year' },
    { when: '2026-12-07T00:05:00Z', week: '2026-12-07', month: '2026-12-01', quarter: '2026-10-01', note: 'a Monday morning' },
    { when: '2026-12-06T23:59:59.999Z', week: '2026-11-30', month: '2026-12-01', quarter: '2026-10-01', note: 'the Sunday night before' },
    { when: '2027-03-01T00:05:00Z', week: '2027-03-01', month: '2027-03-01', quarter: '2027-01-01', note: 'a Monday that opens a month' },
    { when: '2027-02-28T23:59:00Z', week: '2027-02-22', month: '2027-02-01', quarter: '2027-01-01', note: 'last day of February' },
    { when: '2028-02-29T12:00:00Z', week: '2028-02-28', month: '2028-02-01', quarter: '2028-01-01', note: 'a leap day' },
    { when: '2027-04-01T00:00:00Z', week: '2027-03-29', month: '2027-04-01', quarter: '2027-04-01', note: 'the first instant of a quarter' },
  ];
  for (const { when, week, month, quarter, note } of cases) {
    it(`puts ${when} (${note}) in the right week, month and quarter`, () => {
      assert.deepEqual(
        { week: periodStart('week', at(when)), month: periodStart('month', at(when)), quarter: periodStart('quarter', at(when)), all: periodStart('all', at(when)) },
        { week, month, quarter, all: '1970-01-01' },
      );
    });
  }

  it('ends each period where the next begins', () => {
    assert.deepEqual(
      (['week', 'month', 'quarter'] as const).map((kind) => [kind, day(periodRange(kind, at('2027-01-01T00:05:00Z')).end)]),
      [
        ['week', '2027-01-04'],
        ['month', '2027-02-01'],
        ['quarter', '2027-04-01'],
      ],
    );
    assert.equal(day(periodRange('month', at('2027-02-28T23:59:00Z')).end), '2027-03-01');
  });

  it('gives the period before, across a year and on a Monday', () => {
    const range = (kind: 'week' | 'month' | 'quarter' | 'all', when: string) => {
      const before = previousPeriodRange(kind, at(when));
      return before && [day(before.start), day(before.end)];
    };
    assert.deepEqual(range('week', '2027-01-01T00:05:00Z'), ['2026-12-21', '2026-12-28']);
    assert.deepEqual(range('month', '2027-01-01T00:05:00Z'), ['2026-12-01', '2027-01-01']);
    assert.deepEqual(range('quarter', '2027-01-01T00:05:00Z'), ['2026-10-01', '2027-01-01']);
    assert.deepEqual(range('week', '2026-12-07T00:05:00Z'), ['2026-11-30', '2026-12-07']);
    assert.deepEqual(range('month', '2027-03-01T00:05:00Z'), ['2027-02-01', '2027-03-01']);
    assert.equal(range('all', '2027-01-01T00:05:00Z'), undefined);
  });
});
