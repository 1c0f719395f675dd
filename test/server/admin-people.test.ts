import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminStatsSchema,
  LeaderboardSchema,
  MeSchema,
  PeoplePageSchema,
  PersonExportSchema,
  PersonSchema,
  PublicTestimonialSchema,
  ShareSchema,
  StatsSchema,
  TestimonialSchema,
  type PeoplePage,
  type Person,
} from '@advocacy/sdk/contract';
import { addPoints } from '../../packages/server/src/domain/points.js';
import { encodeCursor } from '../../packages/server/src/http/cursor.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem, createContent, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
/** The API's clock for the whole file: ranges and periods are checked against it. */
const NOW = new Date('2030-05-14T10:00:00Z');
const EARLIER = new Date('2030-03-20T10:00:00Z');

for (const kind of databaseKinds()) {
  describe(`admin people on ${kind}`, () => {
    let api: TestApi;
    /** Employee ids by subject. */
    const ids: Record<string, string> = {};
    let adaLinkCode = '';
    let adaTestimonialId = '';

    /** What each employee's identity provider says of them, in every token. */
    const claimsOf: Record<string, { name: string; team: string; email?: string }> = {
      'p-ada': { name: 'Ada Lovelace', team: 'R&D', email: 'ada@acme.example' },
      'p-bob': { name: 'Bob Martin', team: 'Sales' },
      'p-cy': { name: 'Cy Young', team: 'Sales' },
      'p-dee': { name: 'Dee 100%_sure', team: 'Sales' },
    };
    const as = (subject: string) => api.acme.employee(subject, claimsOf[subject]);
    const signIn = async (subject: string) => {
      const response = await api.inject({ method: 'GET', url: '/v1/me', headers: await as(subject) });
      assert.equal(response.statusCode, 200, response.body);
      return MeSchema.parse(response.json()).id;
    };
    const people = async (query = ''): Promise<PeoplePage> => {
      const response = await api.inject({ method: 'GET', url: `/v1/admin/people${query}`, headers: await api.acme.admin() });
      assert.equal(response.statusCode, 200, response.body);
      return PeoplePageSchema.parse(response.json());
    };
    const post = async (path: string, body: unknown = {}, headers?: Record<string, string>) =>
      api.inject({ method: 'POST', url: path, ...jsonRequest(headers ?? (await api.acme.admin()), body) });
    const board = async (query = '') => {
      const response = await api.inject({ method: 'GET', url: `/v1/leaderboard?period=week${query}`, headers: await as('p-cy') });
      assert.equal(response.statusCode, 200, response.body);
      return LeaderboardSchema.parse(response.json());
    };
    const auditOf = async (action: string) =>
      (
        await api.db.query<{ actor: string; target_type: string; target_id: string; detail: Record<string, unknown> }>(
          'SELECT actor, target_type, target_id, detail FROM audit_log WHERE organisation_id = $1 AND action = $2 ORDER BY id',
          [api.acme.id, action],
        )
      ).rows;
    const click = (code: string, address: string, userAgent = READER) =>
      api.inject({ method: 'GET', url: `/r/${code}`, remoteAddress: address, headers: { 'user-agent': userAgent } });

    before(async () => {
      api = await startTestApi(kind);
      api.setNow(EARLIER);
      ids['p-ada'] = await signIn('p-ada');
      const content = await createContent(api);
      // A share outside the default range (the last 30 days).
      const early = await api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest(await as('p-ada'), { contentId: content.id, network: 'x' }) });
      assert.equal(early.statusCode, 201, early.body);

      api.setNow(NOW);
      for (const subject of ['p-bob', 'p-cy', 'p-dee']) ids[subject] = await signIn(subject);
      ids['g-other'] = (await api.inject({ method: 'GET', url: '/v1/me', headers: await api.globex.employee('g-other', { name: 'Ada Globex' }) })).json<{ id: string }>().id;
      for (const subject of ['p-ada', 'p-bob', 'p-cy']) {
        const optIn = await api.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(await as(subject), { leaderboardOptIn: true }) });
        assert.equal(optIn.statusCode, 200, optIn.body);
      }
      await api.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(await as('p-ada'), { displayName: 'Countess', audience: { linkedin: 900 } }) });

      const shared = await api.inject({ method: 'POST', url: '/v1/shares', ...jsonRequest(await as('p-ada'), { contentId: content.id, network: 'linkedin' }) });
      assert.equal(shared.statusCode, 201, shared.body);
      adaLinkCode = ShareSchema.parse(shared.json()).code;
      await click(adaLinkCode, '203.0.113.1');
      await click(adaLinkCode, '198.51.100.7');
      await click(adaLinkCode, '203.0.113.9', 'Twitterbot/1.0');
      await api.app.flushClickRecording();
      await api.db.transaction((tx) => addPoints(tx, { organisationId: api.acme.id, employeeId: ids['p-bob']!, at: NOW, points: 5 }));
      await api.db.transaction((tx) => addPoints(tx, { organisationId: api.acme.id, employeeId: ids['p-ada']!, at: NOW, points: 50 }));

      const submitted = await api.inject({
        method: 'POST',
        url: '/v1/testimonials',
        ...jsonRequest(await as('p-ada'), {
          quote: 'I joined for the mission.',
          role: 'Engineer',
          team: 'R&D',
          location: 'Lyon',
          locale: 'en',
          photoUrl: 'https://cdn.acme.example/ada.jpg',
          consent: { version: '2026-01', accepted: true },
        }),
      });
      assert.equal(submitted.statusCode, 201, submitted.body);
      adaTestimonialId = TestimonialSchema.parse(submitted.json()).id;
      const approved = await post(`/v1/admin/testimonials/${adaTestimonialId}/approve`);
      assert.equal(approved.statusCode, 200, approved.body);
    });
    after(() => api.close());

    it('lists people as the identity provider introduced them, with shares and credited readers in the range', async () => {
      const page = await people();
      assert.deepEqual([page.from, page.to], ['2030-04-15', '2030-05-14'], 'the last 30 days by default');
      const byId = new Map(page.items.map((person) => [person.id, person]));
      const ada = byId.get(ids['p-ada']!);
      assert.ok(ada);
      assert.deepEqual(
        [ada.name, ada.displayName, ada.email, ada.team, ada.optedIn, ada.status, ada.deactivatedAt, ada.shares, ada.readers],
        ['Ada Lovelace', 'Countess', 'ada@acme.example', 'R&D', true, 'active', null, 1, 2],
      );
      assert.deepEqual([byId.get(ids['p-dee']!)?.optedIn, byId.get(ids['p-dee']!)?.shares], [false, 0]);
      assert.ok(!byId.has(ids['g-other']!), 'no one from another organisation');
      // Newest first by first sign-in: Ada signed in first, so she comes last.
      assert.equal(page.items.at(-1)?.id, ids['p-ada']);

      const wider = await people('?from=2030-03-01&to=2030-05-14');
      assert.deepEqual(wider.items.find((person) => person.id === ids['p-ada']) && [wider.items.find((person) => person.id === ids['p-ada'])!.shares], [2]);
      const before = await people('?from=2030-03-01&to=2030-03-31');
      const early = before.items.find((person) => person.id === ids['p-ada'])!;
      assert.deepEqual([early.shares, early.readers], [1, 0]);
    });

    it('pages with a cursor, and searches by name, team, status and opt-in', async () => {
      const everyone = (await api.db.query<{ id: string }>('SELECT id FROM employees WHERE organisation_id = $1', [api.acme.id])).rows.map((row) => row.id);
      assert.equal(everyone.length, 5, 'four employees and the admin who made the content');
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: PeoplePage = await people(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length > 0 && page.items.length <= 2);
        seen.push(...page.items.map((person) => person.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      assert.equal(pages, 3);
      assert.deepEqual([...seen].sort(), [...everyone].sort(), 'each person once');

      const names = async (query: string) => (await people(query)).items.map((person) => person.name).sort();
      assert.deepEqual(await names('?q=lovelace'), ['Ada Lovelace']);
      assert.deepEqual(await names('?q=countess'), ['Ada Lovelace'], 'the display name too');
      assert.deepEqual(await names('?q=ada%20love'), ['Ada Lovelace'], 'every word');
      assert.deepEqual(await names('?q=%25_'), ['Dee 100%_sure'], 'wildcards taken literally');
      assert.deepEqual(await names('?q=%25'), ['Dee 100%_sure']);
      assert.deepEqual(await names('?team=Sales'), ['Bob Martin', 'Cy Young', 'Dee 100%_sure']);
      assert.deepEqual(await names('?team=Nowhere'), []);
      assert.deepEqual(await names('?optedIn=false'), ['Dee 100%_sure', 'Employee admin-1']);
      assert.deepEqual(await names('?status=deactivated'), []);
    });

    it('lists the people routes in the OpenAPI document, for admins with the admin scope', async () => {
      const document = (await api.inject({ method: 'GET', url: '/v1/openapi.json' })).json<{ paths: Record<string, Record<string, Record<string, unknown>>> }>();
      for (const [url, method] of [
        ['/v1/admin/people', 'get'],
        ['/v1/admin/people/{id}/deactivate', 'post'],
        ['/v1/admin/people/{id}/reactivate', 'post'],
        ['/v1/admin/people/{id}/export', 'get'],
        ['/v1/admin/people/{id}/erase', 'post'],
      ] as const) {
        const operation = document.paths[url]?.[method];
        assert.ok(operation, `${method} ${url}`);
        assert.equal(operation['x-secret-key-scope'], 'admin', `${method} ${url}`);
        assert.ok(String(operation['summary']).length > 40, `${method} ${url}`);
      }
    });

    it('refuses forged cursors, bad ranges, non-admins and another organisation’s people', async () => {
      const admin = await api.acme.admin();
      for (const cursor of [encodeCursor(['not a time', ids['p-ada']!]), encodeCursor(['2030-05-14T10:00:00.000000Z', 'x\u0000']), encodeCursor([0, '2030-05-14T10:00:00.000000Z', ids['p-ada']!]), encodeCursor(['0000-01-01T00:00:00.000000Z', ids['p-ada']!]), 'garbage']) {
        const response = await api.inject({ method: 'GET', url: `/v1/admin/people?cursor=${cursor}`, headers: admin });
        assert.equal(assertClientProblem(response, cursor, 400).type.endsWith('invalid-cursor'), true, response.body);
      }
      for (const query of ['?from=2030-05-14&to=2030-05-01', '?from=2020-01-01&to=2030-05-14', '?status=gone', '?optedIn=yes', '?limit=0']) {
        assertClientProblem(await api.inject({ method: 'GET', url: `/v1/admin/people${query}`, headers: admin }), query, 400);
      }
      const employee = await as('p-bob');
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/admin/people', headers: employee }), 'employee lists', 403);
      assertClientProblem(await post(`/v1/admin/people/${ids['p-cy']}/deactivate`, {}, employee), 'employee deactivates', 403);
      assertClientProblem(await api.inject({ method: 'GET', url: `/v1/admin/people/${ids['p-cy']}/export`, headers: employee }), 'employee exports', 403);
      assertClientProblem(await api.inject({ method: 'GET', url: '/v1/admin/people' }), 'nobody', 401);

      const other = ids['g-other']!;
      assertClientProblem(await post(`/v1/admin/people/${other}/deactivate`), 'deactivate other tenant', 404);
      assertClientProblem(await post(`/v1/admin/people/${other}/reactivate`), 'reactivate other tenant', 404);
      assertClientProblem(await api.inject({ method: 'GET', url: `/v1/admin/people/${other}/export`, headers: admin }), 'export other tenant', 404);
      assertClientProblem(await post(`/v1/admin/people/${other}/erase`, { confirm: other }), 'erase other tenant', 404);
      assertClientProblem(await post(`/v1/admin/people/${crypto.randomUUID()}/deactivate`), 'unknown', 404);
      assertClientProblem(await post('/v1/admin/people/not-a-uuid/deactivate'), 'not a uuid', 400);
      const globexOther = await api.inject({ method: 'GET', url: '/v1/me', headers: await api.globex.employee('g-other') });
      assert.equal(globexOther.statusCode, 200, 'the other organisation’s person is untouched');
    });

    it('takes a deactivated person off every leaderboard at once, refuses their token, keeps their testimonial', async () => {
      const listed = await board();
      assert.deepEqual(listed.items.map((item) => [item.rank, item.displayName]), [
        [1, 'Countess'],
        [2, 'Bob Martin'],
      ]);
      assert.deepEqual((await board('&team=R%26D')).items.map((item) => item.displayName), ['Countess']);

      const response = await post(`/v1/admin/people/${ids['p-ada']}/deactivate`);
      assert.equal(response.statusCode, 200, response.body);
      const person = PersonSchema.parse(response.json());
      assert.deepEqual([person.status, person.deactivatedAt], ['deactivated', NOW.toISOString()]);

      const after = await board();
      assert.deepEqual(after.items.map((item) => [item.rank, item.displayName]), [[1, 'Bob Martin']], 'ranks move up at once');
      assert.deepEqual((await board('&team=R%26D')).items, []);
      for (const period of ['month', 'quarter', 'all']) {
        const other = await api.inject({ method: 'GET', url: `/v1/leaderboard?period=${period}`, headers: await as('p-cy') });
        assert.doesNotMatch(other.body, /Countess|Ada Lovelace/, period);
      }
      // Counters written after deactivation (a reader next week: new period rows) are not listed either.
      await api.db.transaction((tx) => addPoints(tx, { organisationId: api.acme.id, employeeId: ids['p-ada']!, at: new Date('2030-05-21T10:00:00Z'), points: 1 }));
      const counters = await api.db.query<{ period_start: string; listed: boolean }>(
        "SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, listed FROM points WHERE organisation_id = $1 AND employee_id = $2",
        [api.acme.id, ids['p-ada']!],
      );
      assert.ok(counters.rows.some((row) => row.period_start === '2030-05-20'), 'a new week row');
      assert.deepEqual(counters.rows.filter((row) => row.listed), []);
      assert.doesNotMatch(JSON.stringify(await board()), /Countess/);

      const refused = assertClientProblem(await api.inject({ method: 'GET', url: '/v1/me', headers: await as('p-ada') }), 'deactivated token', 403);
      assert.match(refused.type, /employee-deactivated$/);
      const publicList = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.acme.publicPage() });
      assert.ok(publicList.json<{ items: unknown[] }>().items.map((item) => PublicTestimonialSchema.parse(item)).some((item) => item.id === adaTestimonialId), 'testimonial stays under its consent');
      assert.equal((await click(adaLinkCode, '192.0.2.44')).statusCode, 302, 'their links keep redirecting');
      await api.app.flushClickRecording();
      assert.deepEqual((await people('?status=deactivated')).items.map((p) => p.id), [ids['p-ada']]);

      assert.equal((await post(`/v1/admin/people/${ids['p-ada']}/deactivate`)).statusCode, 200);
      assert.deepEqual((await auditOf('person.deactivated')).map((entry) => [entry.target_type, entry.target_id]), [['employee', ids['p-ada']]], 'once');

      const back = await post(`/v1/admin/people/${ids['p-ada']}/reactivate`);
      assert.equal(PersonSchema.parse(back.json()).status, 'active');
      assert.deepEqual((await board()).items.map((item) => [item.rank, item.displayName]), [
        [1, 'Countess'],
        [2, 'Bob Martin'],
      ]);
      assert.equal((await api.inject({ method: 'GET', url: '/v1/me', headers: await as('p-ada') })).statusCode, 200);
      assert.equal((await auditOf('person.reactivated')).length, 1);
    });

    it('does not let an admin deactivate or erase themself', async () => {
      const adminId = (await api.inject({ method: 'GET', url: '/v1/me', headers: await api.acme.admin('p-admin') })).json<{ id: string }>().id;
      assertClientProblem(await post(`/v1/admin/people/${adminId}/deactivate`, {}, await api.acme.admin('p-admin')), 'self deactivate', 409);
      assertClientProblem(await post(`/v1/admin/people/${adminId}/erase`, { confirm: adminId }, await api.acme.admin('p-admin')), 'self erase', 409);
    });

    it('exports everything held about one person as an attachment, audited', async () => {
      const response = await api.inject({ method: 'GET', url: `/v1/admin/people/${ids['p-ada']}/export`, headers: await api.acme.admin() });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-disposition']), new RegExp(`^attachment; filename="person-${ids['p-ada']}\\.json"$`));
      const document = PersonExportSchema.parse(response.json());
      assert.deepEqual(
        [document.person.subject, document.person.name, document.person.displayName, document.person.email, document.person.team, document.person.audience],
        ['p-ada', 'Ada Lovelace', 'Countess', 'ada@acme.example', 'R&D', { linkedin: 900 }],
      );
      assert.deepEqual(document.shares.map((share) => share.network).sort(), ['linkedin', 'x']);
      assert.ok(document.shares.some((share) => share.code === adaLinkCode && share.contentTitle === 'We are hiring engineers'));
      assert.deepEqual(document.days, [
        { day: '2030-03-20', shares: 1, readers: 0 },
        { day: '2030-05-14', shares: 1, readers: 3 },
      ]);
      const week = document.points.find((row) => row.period === 'week' && row.periodStart === '2030-05-13');
      assert.ok(week && week.points >= 51, JSON.stringify(document.points));
      assert.deepEqual(document.testimonials.map((t) => [t.quote, t.photoUrl, t.status, t.consent.version]), [
        ['I joined for the mission.', 'https://cdn.acme.example/ada.jpg', 'approved', '2026-01'],
      ]);
      const actions = document.audit.map((entry) => entry.action);
      for (const action of ['testimonial.submitted', 'testimonial.approved', 'person.deactivated', 'person.reactivated', 'person.exported']) {
        assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
      }
      assert.doesNotMatch(JSON.stringify(document), /Bob Martin|Cy Young|Ada Globex/, 'nobody else');
      const exported = await auditOf('person.exported');
      assert.deepEqual(exported.at(-1) && [exported.at(-1)!.target_id, exported.at(-1)!.actor.startsWith('employee:')], [ids['p-ada'], true]);
    });

    it('erases one person’s personal data, keeps the programme’s figures, and records the erasure without naming them', async () => {
      const stats = async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/stats?period=all', headers: await api.acme.admin() });
        assert.equal(response.statusCode, 200, response.body);
        const { shares, creditedClicks, uncreditedClicks, activeAmbassadors } = StatsSchema.parse(response.json());
        return { shares, creditedClicks, uncreditedClicks, activeAmbassadors };
      };
      const dashboard = async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/admin/stats?from=2030-03-01&to=2030-05-14', headers: await api.acme.admin() });
        assert.equal(response.statusCode, 200, response.body);
        return AdminStatsSchema.parse(response.json()).kpis;
      };
      const before = await stats();
      assert.ok(before.shares >= 2 && before.creditedClicks >= 2);
      const dashboardBefore = await dashboard();
      assert.ok(dashboardBefore.estimatedReach > 0, 'Ada’s declared audience counts');

      const wrong = assertClientProblem(await post(`/v1/admin/people/${ids['p-ada']}/erase`, { confirm: 'Bob Martin' }), 'wrong confirmation', 400);
      assert.ok(wrong.errors?.some((error) => error.field === 'body.confirm'));
      assertClientProblem(await post(`/v1/admin/people/${ids['p-ada']}/erase`, {}), 'no confirmation', 400);

      const response = await post(`/v1/admin/people/${ids['p-ada']}/erase`, { confirm: ' countess ' });
      assert.equal(response.statusCode, 200, response.body);
      const erased: Person = PersonSchema.parse(response.json());
      assert.deepEqual([erased.status, erased.name, erased.displayName, erased.email, erased.erasedAt], ['erased', '', null, null, NOW.toISOString()]);

      const exported = PersonExportSchema.parse((await api.inject({ method: 'GET', url: `/v1/admin/people/${ids['p-ada']}/export`, headers: await api.acme.admin() })).json());
      assert.doesNotMatch(JSON.stringify(exported), /Ada Lovelace|Countess|ada@acme\.example|cdn\.acme\.example|I joined for the mission|"subject":"p-ada"/);
      assert.deepEqual(exported.person.audience, {});
      assert.equal(exported.shares.length, 2, 'shares kept, anonymous');
      assert.deepEqual(exported.testimonials.map((t) => [t.status, t.photoUrl]), [['withdrawn', null]]);

      const publicList = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: api.acme.publicPage() });
      assert.ok(!publicList.json<{ items: { id: string }[] }>().items.some((item) => item.id === adaTestimonialId), 'gone from the career site');
      assert.doesNotMatch(JSON.stringify(await board()), /Countess|Ada/, 'off the leaderboard');
      assert.deepEqual(await stats(), before, 'programme totals unchanged');
      // The activity stays; the head counts are of people here now, and an erased person is deactivated.
      const { allEmployees, optedInEmployees, participation, ...activity } = await dashboard();
      const { allEmployees: allBefore, optedInEmployees: optedInBefore, participation: _participation, ...activityBefore } = dashboardBefore;
      assert.deepEqual(activity, activityBefore, 'dashboard activity unchanged, reach included');
      assert.deepEqual([allEmployees, optedInEmployees], [allBefore - 1, optedInBefore - 1], 'one employee fewer: the erased person');
      assert.equal(participation.ofAll, activity.activeAmbassadors / allEmployees);
      assert.equal((await click(adaLinkCode, '192.0.2.45')).statusCode, 302, 'tracked links keep redirecting');
      await api.app.flushClickRecording();

      // The same identity signing in again is a new person.
      const again = await signIn('p-ada');
      assert.notEqual(again, ids['p-ada']);

      const repeat = await post(`/v1/admin/people/${ids['p-ada']}/erase`, { confirm: ids['p-ada']! });
      assert.equal(PersonSchema.parse(repeat.json()).status, 'erased');
      const records = await auditOf('person.erased');
      assert.equal(records.length, 1, 'recorded once');
      assert.equal(records[0]!.target_type, 'erasure');
      assert.doesNotMatch(JSON.stringify(records), new RegExp(`${ids['p-ada']}|Ada|Countess`), 'the record does not say whom');
      assertClientProblem(await post(`/v1/admin/people/${ids['p-ada']}/reactivate`), 'reactivate erased', 409);
    });
  });
}
