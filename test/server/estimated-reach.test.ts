import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ContentSchema, MeSchema, NETWORK_AUDIENCE_CAPS, NETWORKS, ProblemSchema, PublicStatsSchema, StatsSchema } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

for (const kind of databaseKinds()) {
  describe(`estimated reach on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const patchMe = async (subject: string, body: unknown) => api.inject({ method: 'PATCH', url: '/v1/me', ...json(await api.acme.employee(subject), body) });
    const declare = async (subject: string, audience: Record<string, number>) => {
      const response = await patchMe(subject, { audience });
      assert.equal(response.statusCode, 200, response.body);
      return MeSchema.parse(response.json());
    };
    const employeeId = async (subject: string) => (await declare(subject, {})).id;
    const publicReach = async () => {
      const response = await api.inject({ method: 'GET', url: '/v1/stats/public?period=month', headers: api.acme.publicPage() });
      assert.equal(response.statusCode, 200, response.body);
      return PublicStatsSchema.parse(response.json()).estimatedReach;
    };
    const stats = async () => {
      const response = await api.inject({ method: 'GET', url: '/v1/stats?period=month', headers: await api.acme.admin() });
      assert.equal(response.statusCode, 200, response.body);
      return StatsSchema.parse(response.json());
    };
    let contentCount = 0;
    const newContent = async (): Promise<string> => {
      const response = await api.inject({ method: 'POST', url: '/v1/content', ...json(await api.acme.admin(), { title: `Reach ${++contentCount}`, url: `https://acme.example/reach-${contentCount}`, locale: 'en' }) });
      assert.equal(response.statusCode, 201, response.body);
      return ContentSchema.parse(response.json()).id;
    };
    const share = async (subject: string, contentId: string, network: string) => {
      const response = await api.inject({ method: 'POST', url: '/v1/shares', ...json(await api.acme.employee(subject), { contentId, network }) });
      assert.ok(response.statusCode === 200 || response.statusCode === 201, response.body);
    };
    const openJumps = async (subject: string) =>
      (
        await api.db.query<{ detail: { network: string; from: number; to: number } }>(
          `SELECT f.detail FROM trust_flags f JOIN employees e ON e.id = f.employee_id
            WHERE f.organisation_id = $1 AND e.subject = $2 AND f.kind = 'audience-jump' AND f.reviewed_at IS NULL ORDER BY f.created_at, f.detail ->> 'network'`,
          [api.acme.id, subject],
        )
      ).rows.map((row) => row.detail);

    describe('declared followers', () => {
      it('accepts each network up to its cap', async () => {
        const me = await declare('caps-1', { ...NETWORK_AUDIENCE_CAPS });
        assert.deepEqual(me.audience, { ...NETWORK_AUDIENCE_CAPS });
        assert.equal(NETWORK_AUDIENCE_CAPS.linkedin, 30_000, 'LinkedIn caps connections at 30,000');
        assert.deepEqual(Object.keys(NETWORK_AUDIENCE_CAPS).sort(), [...NETWORKS].sort(), 'every network has a cap');
      });

      it('refuses a figure above its network cap with a 400 naming the cap, and stores nothing', async () => {
        await declare('caps-2', { linkedin: 800 });
        const response = await patchMe('caps-2', { audience: { linkedin: 30_001, x: 10 } });
        assert.equal(response.statusCode, 400, response.body);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        const problem = ProblemSchema.parse(response.json());
        const error = problem.errors?.find((entry) => entry.field === 'body.audience.linkedin');
        assert.ok(error, JSON.stringify(problem.errors));
        assert.match(error.message, /at most 30,000 on linkedin/);
        const email = ProblemSchema.parse((await patchMe('caps-2', { audience: { email: 501 } })).json());
        assert.match(email.errors?.[0]?.message ?? '', /at most 500 on email/);
        assert.deepEqual((await declare('caps-2', {})).audience, { linkedin: 800 });
      });

      it('refuses hostile figures and unknown networks with a 400, never a 500', async () => {
        const bodies: unknown[] = [
          { audience: { linkedin: 100_000_000 } },
          { audience: { linkedin: 1e300 } },
          { audience: { linkedin: 2 ** 53 } },
          { audience: { linkedin: -1 } },
          { audience: { linkedin: 1.5 } },
          { audience: { linkedin: '30000' } },
          { audience: { linkedin: null } },
          { audience: { myspace: 10 } },
          { audience: [10] },
          { audience: 'lots' },
        ];
        for (const body of bodies) {
          const response = await patchMe('caps-3', body);
          assert.equal(response.statusCode, 400, `${JSON.stringify(body)}: ${response.body}`);
        }
        for (const payload of ['{"audience":{"linkedin":1e400}}', '{"audience":{"__proto__":{"linkedin":1}}}', '{"audience":{"constructor":7}}']) {
          const raw = await api.inject({ method: 'PATCH', url: '/v1/me', headers: { ...(await api.acme.employee('caps-3')), 'content-type': 'application/json' }, payload });
          assert.equal(raw.statusCode, 400, `${payload}: ${raw.body}`);
        }
        assert.deepEqual((await declare('caps-3', {})).audience, {});
      });

      it('shows and counts a figure stored above its cap (before the caps, or by hand) as the cap', async () => {
        const id = await employeeId('caps-4');
        await api.db.query(`UPDATE employees SET audience = '{"linkedin": 100000000, "email": 1e12, "x": -40, "myspace": 9, "teams": "many"}' WHERE id = $1`, [id]);
        assert.deepEqual((await declare('caps-4', {})).audience, { linkedin: 30_000, email: 500, x: 0 });
      });
    });

    describe('the per-employee cap', () => {
      it('moves the public reach by at most the per-employee cap, whatever one employee declares', async () => {
        const content = await newContent();
        await declare('honest-1', { linkedin: 300 });
        await declare('honest-2', { linkedin: 60, x: 40 });
        await share('honest-1', content, 'linkedin');
        await share('honest-2', content, 'linkedin');
        await share('honest-2', content, 'x');
        const before = await publicReach();
        assert.ok(before >= 400, `the honest figures count: ${before}`);

        // The attacker: the most every network allows, shared on every network of ten contents.
        assert.equal((await patchMe('inflater', { audience: { linkedin: 100_000_000 } })).statusCode, 400);
        await declare('inflater', { ...NETWORK_AUDIENCE_CAPS });
        for (let index = 0; index < 10; index++) {
          const contentId = await newContent();
          for (const network of NETWORKS) await share('inflater', contentId, network);
        }
        const capped = await publicReach();
        assert.ok(capped - before <= 10_000, `moved by ${capped - before}`);
        assert.ok(capped - before > 10_000 - NETWORKS.length, `moved by ${capped - before}: the cap, less rounding per network`);

        // Even a figure written straight into the database moves it no further.
        await api.db.query(`UPDATE employees SET audience = '{"linkedin": 1e15}' WHERE organisation_id = $1 AND subject = 'inflater'`, [api.acme.id]);
        assert.ok((await publicReach()) - before <= 10_000);

        const full = await stats();
        assert.equal(full.estimatedReach, await publicReach());
        assert.equal(full.byNetwork.reduce((sum, row) => sum + row.estimatedReach, 0), full.estimatedReach, 'the networks add up to the total');
      });

      it('follows the programme setting, down to 0', async () => {
        const before = await publicReach();
        const change = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(await api.acme.admin(), { reachCapPerEmployee: 100 }) });
        assert.equal(change.statusCode, 200, change.body);
        // honest-1 (300 → 100), honest-2 (100), inflater (→ 100): three employees at most 100 each.
        assert.equal(await publicReach(), 300);
        assert.ok(before > 300);
        await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(await api.acme.admin(), { reachCapPerEmployee: 0 }) });
        assert.equal(await publicReach(), 0);
        await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(await api.acme.admin(), { reachCapPerEmployee: 10_000 }) });
      });
    });

    describe('audience jumps', () => {
      it('lists a rise of at least 1,000 to more than three times the previous figure', async () => {
        await declare('jump-1', { linkedin: 400 });
        assert.deepEqual(await openJumps('jump-1'), [], 'a first declaration under 5,000 is not a jump');
        await declare('jump-1', { linkedin: 1_200 });
        assert.deepEqual(await openJumps('jump-1'), [], '3× but only +800');
        await declare('jump-1', { linkedin: 3_000 });
        assert.deepEqual(await openJumps('jump-1'), [], '+1,800 but only 2.5×');
        await declare('jump-1', { linkedin: 9_001 });
        assert.deepEqual(await openJumps('jump-1'), [{ network: 'linkedin', from: 3_000, to: 9_001 }]);
      });

      it('lists a first declaration of 5,000 or more, one flag per network', async () => {
        await declare('jump-2', { linkedin: 4_999, x: 5_000, email: 500 });
        assert.deepEqual(await openJumps('jump-2'), [{ network: 'x', from: 0, to: 5_000 }]);
      });

      it('keeps one open flag per network that follows the latest figure, and a new one after review', async () => {
        await declare('jump-3', { x: 10 });
        await declare('jump-3', { x: 2_000 });
        await declare('jump-3', { x: 90_000 });
        assert.deepEqual(await openJumps('jump-3'), [{ network: 'x', from: 10, to: 90_000 }]);
        await api.db.query(`UPDATE trust_flags SET reviewed_at = now(), reviewed_by = 'test' WHERE organisation_id = $1`, [api.acme.id]);
        await declare('jump-3', { x: 10 });
        await declare('jump-3', { x: 100_000 });
        assert.deepEqual(await openJumps('jump-3'), [{ network: 'x', from: 10, to: 100_000 }]);
      });

      it('measures a jump from a stored figure above its cap as from the cap', async () => {
        const id = await employeeId('jump-4');
        await api.db.query(`UPDATE employees SET audience = '{"telegram": 9e9}' WHERE id = $1`, [id]);
        await declare('jump-4', { telegram: 200_000 });
        assert.deepEqual(await openJumps('jump-4'), []);
      });

      it('records nothing for another organisation', async () => {
        const response = await api.inject({ method: 'PATCH', url: '/v1/me', ...json(await api.globex.employee('jump-5'), { audience: { linkedin: 30_000 } }) });
        assert.equal(response.statusCode, 200, response.body);
        const { rows } = await api.db.query<{ organisation_id: string }>(
          `SELECT f.organisation_id FROM trust_flags f JOIN employees e ON e.id = f.employee_id WHERE e.subject = 'jump-5'`,
        );
        assert.deepEqual(rows.map((row) => row.organisation_id), [api.globex.id]);
      });
    });
  });
}
