import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LeaderboardSchema, MeSchema, ProblemSchema, type Leaderboard } from '@advocacy/sdk/contract';
import { addPoints } from '../../packages/server/src/domain/points.js';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

// The server's clock, and the moment points are dated, unless a test says otherwise: a Wednesday at noon UTC in
// the middle of a month, so 'this week' (from Monday 2030-05-13) holds them whatever the date of the run.
const NOW = new Date('2030-05-15T12:00:00Z');

for (const kind of databaseKinds()) {
  describe(`leaderboard and me on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
    });
    after(() => api.close());

    const patchMe = async (org: TestOrganisation, subject: string, body: unknown, claims?: { team?: string }) =>
      api.inject({ method: 'PATCH', url: '/v1/me', headers: { ...(await org.employee(subject, claims)), 'content-type': 'application/json' }, payload: JSON.stringify(body) });

    /** An employee with `points` this week, opted in unless told otherwise. */
    async function employeeWith(org: TestOrganisation, subject: string, points: number, options: { optIn?: boolean; team?: string; at?: Date } = {}): Promise<string> {
      const me = MeSchema.parse((await patchMe(org, subject, { leaderboardOptIn: options.optIn ?? true, displayName: `Shown ${subject}` }, { team: options.team ?? 'Sales' })).json());
      await api.db.transaction((tx) => addPoints(tx, { organisationId: org.id, employeeId: me.id, at: options.at ?? NOW, points, shares: 1 }));
      return me.id;
    }

    const board = async (org: TestOrganisation, subject: string, query = '', claims?: { team?: string }): Promise<Leaderboard> => {
      const response = await api.inject({ method: 'GET', url: `/v1/leaderboard?period=week${query}`, headers: await org.employee(subject, claims ?? { team: 'Sales' }) });
      assert.equal(response.statusCode, 200, response.body);
      return LeaderboardSchema.parse(response.json());
    };

    it('starts with the leaderboard opt-in off, and lets the employee change their own profile', async () => {
      const first = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.employee('me-1', { name: 'Ada Lovelace', team: 'R&D' }) });
      const me = MeSchema.parse(first.json());
      assert.deepEqual([me.name, me.team, me.leaderboardOptIn, me.displayName, me.isAdmin], ['Ada Lovelace', 'R&D', false, null, false]);
      // Avatars come only from the programme's image hosts (avatar-hosts.test.ts).
      await api.db.query(`UPDATE organisations SET avatar_hosts = '{cdn.acme.example}' WHERE id = $1`, [api.acme.id]);
      const updated = MeSchema.parse((await patchMe(api.acme, 'me-1', { displayName: ' Ada ', avatarUrl: 'https://cdn.acme.example/ada.png', audience: { linkedin: 850 } })).json());
      assert.deepEqual([updated.displayName, updated.avatarUrl, updated.audience], ['Ada', 'https://cdn.acme.example/ada.png', { linkedin: 850 }]);
      const merged = MeSchema.parse((await patchMe(api.acme, 'me-1', { audience: { x: 120 } })).json());
      assert.deepEqual(merged.audience, { linkedin: 850, x: 120 });
    });

    it('refuses unknown fields, points, status, organisation and non-https avatars', async () => {
      for (const body of [{ points: 1_000 }, { status: 'admin' }, { organisationId: api.globex.id }, { isAdmin: true }, { avatarUrl: 'javascript:alert(1)' }, { avatarUrl: 'http://cdn.acme.example/a.png' }, { audience: { linkedin: -5 } }, { displayName: '' }]) {
        const response = await patchMe(api.acme, 'me-2', body);
        assert.equal(response.statusCode, 400, JSON.stringify(body));
        assert.ok(ProblemSchema.parse(response.json()).errors?.length);
      }
    });

    it('lists only opted-in employees, by display name, with ties sharing a rank', async () => {
      await employeeWith(api.acme, 'lb-a', 50);
      await employeeWith(api.acme, 'lb-b', 30);
      await employeeWith(api.acme, 'lb-c', 30);
      await employeeWith(api.acme, 'lb-d', 10);
      await employeeWith(api.acme, 'lb-hidden', 99, { optIn: false });
      await employeeWith(api.globex, 'lb-other-tenant', 1_000);
      const result = await board(api.acme, 'lb-d');
      assert.deepEqual([result.periodStart, result.periodEnd], ['2030-05-13', '2030-05-15'], 'the week of NOW, Monday to today');
      // Ties share a rank; their order among themselves is stable but arbitrary, so compare sorted.
      const rows = result.items.map((item): [number, string, number] => [item.rank, item.displayName, item.points]);
      assert.deepEqual([...rows].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])), [
        [1, 'Shown lb-a', 50],
        [2, 'Shown lb-b', 30],
        [2, 'Shown lb-c', 30],
        [4, 'Shown lb-d', 10],
      ]);
      assert.deepEqual(result.items.map((item) => item.isMe), [false, false, false, true]);
      assert.deepEqual(rows.map((row) => row[0]), [1, 2, 2, 4]);
      assert.doesNotMatch(JSON.stringify(result), /lb-hidden|lb-other-tenant|Shown lb-hidden/);
      const { previous, ...me } = result.me;
      assert.deepEqual(me, { rank: 4, points: 10, shares: 1, clicks: 0, optedIn: true });
      assert.deepEqual(previous && [previous.periodStart, previous.points, previous.shares, previous.clicks], ['2030-05-06', 0, 0, 0], 'nothing the week before');
    });

    it('gives the caller’s own rank even outside the page, and null when not opted in', async () => {
      const page = await board(api.acme, 'lb-d', '&limit=2');
      assert.equal(page.items.length, 2);
      assert.equal(page.me.rank, 4);
      const hidden = await board(api.acme, 'lb-hidden');
      assert.deepEqual([hidden.me.rank, hidden.me.points, hidden.me.optedIn], [null, 99, false]);
    });

    it('paginates through ties without losing or repeating anyone', async () => {
      const seen: [number, string][] = [];
      let cursor: string | null = null;
      do {
        const page: Leaderboard = await board(api.acme, 'lb-a', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((item): [number, string] => [item.rank, item.displayName]));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen.map(([rank]) => rank), [1, 2, 2, 4]);
      assert.equal(new Set(seen.map(([, name]) => name)).size, 4);
    });

    it('filters by team and leaves when the employee opts out', async () => {
      await employeeWith(api.acme, 'lb-eng', 20, { team: 'Engineering' });
      const engineering = await board(api.acme, 'lb-eng', '&team=Engineering', { team: 'Engineering' });
      assert.deepEqual(engineering.items.map((item) => [item.rank, item.displayName, item.team]), [[1, 'Shown lb-eng', 'Engineering']]);
      assert.equal(engineering.me.rank, 1);
      await patchMe(api.acme, 'lb-eng', { leaderboardOptIn: false }, { team: 'Engineering' });
      assert.equal((await board(api.acme, 'lb-eng', '&team=Engineering', { team: 'Engineering' })).items.length, 0);
      assert.equal((await board(api.acme, 'lb-a', '&team=Nobody')).items.length, 0);
    });

    it('starts a new week on Monday UTC', async () => {
      api.setNow(new Date('2031-06-08T23:00:00Z')); // a Sunday
      try {
        await employeeWith(api.acme, 'lb-week', 7, { at: new Date('2031-06-08T23:00:00Z') });
        const sunday = await board(api.acme, 'lb-week');
        assert.equal(sunday.periodStart, '2031-06-02');
        assert.equal(sunday.me.points, 7);
        api.setNow(new Date('2031-06-09T00:30:00Z'));
        const monday = await board(api.acme, 'lb-week');
        assert.deepEqual([monday.periodStart, monday.periodEnd], ['2031-06-09', '2031-06-09']);
        assert.equal(monday.me.points, 0);
        assert.deepEqual(monday.me.previous, { periodStart: '2031-06-02', points: 7, shares: 1, clicks: 0 }, 'last week, to show beside an empty one');
        const month = LeaderboardSchema.parse((await api.inject({ method: 'GET', url: '/v1/leaderboard?period=month', headers: await api.acme.employee('lb-week', { team: 'Sales' }) })).json());
        assert.equal(month.me.points, 7);
      } finally {
        api.setNow(NOW);
      }
    });

    it('keeps the histogram of totals equal to the counters, through opt-ins, opt-outs and team moves', async () => {
      const { rows } = await api.db.query<{ n: number }>(`
        WITH expected AS (
          SELECT organisation_id, period_kind, period_start, '00000000-0000-0000-0000-000000000000'::uuid AS team_key, points, count(*)::int AS employees
            FROM points WHERE listed AND points > 0 GROUP BY 1, 2, 3, 5
          UNION ALL
          SELECT organisation_id, period_kind, period_start, team_id, points, count(*)::int
            FROM points WHERE listed AND points > 0 AND team_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
        actual AS (SELECT organisation_id, period_kind, period_start, team_key, points, employees FROM points_histogram WHERE employees <> 0)
        SELECT count(*)::int AS n FROM ((SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)) differences`);
      assert.equal(rows[0]?.n, 0);
    });

    it('refuses bad queries and non-employees', async () => {
      for (const query of ['?period=year', '?limit=0', '?limit=101', '?cursor=%%%', '?extra=1']) {
        const response = await api.inject({ method: 'GET', url: `/v1/leaderboard${query}`, headers: await api.acme.employee('lb-a') });
        assert.equal(response.statusCode, 400, query);
      }
      const publicKey = await api.inject({ method: 'GET', url: '/v1/leaderboard', headers: api.acme.publicPage() });
      assert.equal(publicKey.statusCode, 403);
    });
  });
}
