import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditEntrySchema, BulkApproveResultSchema, ModerationTestimonialSchema, PublicTestimonialSchema, TestimonialSchema, pageOf, type Testimonial } from '@advocacy/sdk/contract';
import * as z from 'zod/mini';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { assertClientProblem, jsonRequest } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

const NOW = new Date('2030-02-01T09:30:00.000Z');
const QueuePage = pageOf(ModerationTestimonialSchema);
const BulkAnswer = z.object({ items: z.array(BulkApproveResultSchema) });
const AuditAnswer = z.object({ items: z.array(AuditEntrySchema) });

for (const kind of databaseKinds()) {
  describe(`moderation on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
    });
    after(() => api.close());

    async function submit(org: TestOrganisation, subject: string, quote = `Quote by ${subject}.`): Promise<Testimonial> {
      const response = await api.inject({
        method: 'POST',
        url: '/v1/testimonials',
        ...jsonRequest(await org.employee(subject), {
          quote,
          role: 'Engineer',
          team: 'Platform',
          location: 'Lyon',
          locale: 'en',
          consent: { version: '2026-01', accepted: true },
        }),
      });
      assert.equal(response.statusCode, 201, response.body);
      return TestimonialSchema.parse(response.json());
    }
    async function queue(query: string, headers?: Record<string, string>) {
      const response = await api.inject({ method: 'GET', url: `/v1/admin/testimonials${query}`, headers: headers ?? (await api.acme.admin()) });
      assert.equal(response.statusCode, 200, response.body);
      return QueuePage.parse(response.json());
    }
    async function bulkApprove(ids: unknown, headers?: Record<string, string>) {
      return api.inject({ method: 'POST', url: '/v1/admin/testimonials/approve', ...jsonRequest(headers ?? (await api.acme.admin()), { ids }) });
    }
    const withdraw = async (org: TestOrganisation, subject: string, id: string) =>
      api.inject({ method: 'POST', url: `/v1/testimonials/${id}/withdraw`, headers: await org.employee(subject) });

    it('shows each queued testimonial with its author as known today, and the consent version and time', async () => {
      const testimonial = await submit(api.acme, 'm-author');
      const renamed = await api.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(await api.acme.employee('m-author'), { displayName: 'Mia Renamed' }) });
      assert.equal(renamed.statusCode, 200, renamed.body);
      const item = (await queue('?limit=100')).items.find((entry) => entry.id === testimonial.id);
      assert.ok(item, 'pending testimonial is queued');
      assert.equal(item.authorName, 'Employee m-author', 'the name it was submitted under');
      assert.equal(item.author.displayName, 'Mia Renamed');
      const { rows } = await api.db.query<{ id: string }>(`SELECT id FROM employees WHERE subject = 'm-author'`);
      assert.equal(item.author.id, rows[0]?.id);
      assert.deepEqual(item.consent, { version: '2026-01', acceptedAt: NOW.toISOString() });
    });

    it('lists withdrawn testimonials, and approving one is a 409, alone or in bulk', async () => {
      const testimonial = await submit(api.acme, 'm-withdrawer');
      assert.equal((await withdraw(api.acme, 'm-withdrawer', testimonial.id)).statusCode, 200);
      const withdrawn = await queue('?status=withdrawn&limit=100');
      assert.ok(withdrawn.items.some((item) => item.id === testimonial.id && item.status === 'withdrawn' && item.withdrawnAt === NOW.toISOString()));
      assert.ok(!(await queue('?limit=100')).items.some((item) => item.id === testimonial.id), 'no longer pending');

      const single = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/approve`, headers: await api.acme.admin() });
      assert.match(assertClientProblem(single, 'approve withdrawn', 409).type, /testimonial-withdrawn$/);
      const bulk = BulkAnswer.parse((await bulkApprove([testimonial.id])).json());
      assert.deepEqual(bulk.items, [{ id: testimonial.id, outcome: 'withdrawn', testimonial: null }]);
      const { rows } = await api.db.query<{ status: string }>('SELECT status FROM testimonials WHERE id = $1', [testimonial.id]);
      assert.equal(rows[0]?.status, 'withdrawn');
    });

    it('approves in bulk, answering per id, audit-logging each approval once', async () => {
      const first = await submit(api.acme, 'm-bulk-1');
      const second = await submit(api.acme, 'm-bulk-2');
      const already = await submit(api.acme, 'm-bulk-3');
      assert.equal((await bulkApprove([already.id])).statusCode, 200);
      const withdrawn = await submit(api.acme, 'm-bulk-4');
      await withdraw(api.acme, 'm-bulk-4', withdrawn.id);
      const theirs = await submit(api.globex, 'g-bulk');
      const unknown = '00000000-0000-4000-8000-0000000b0b0b';

      const response = await bulkApprove([second.id, first.id, already.id, withdrawn.id, theirs.id, unknown, first.id.toUpperCase()]);
      assert.equal(response.statusCode, 200, response.body);
      const answer = BulkAnswer.parse(response.json());
      assert.deepEqual(
        answer.items.map((item) => [item.id, item.outcome, item.testimonial?.status ?? null]),
        [
          [second.id, 'approved', 'approved'],
          [first.id, 'approved', 'approved'],
          [already.id, 'unchanged', 'approved'],
          [withdrawn.id, 'withdrawn', null],
          [theirs.id, 'not-found', null],
          [unknown, 'not-found', null],
        ],
        'in the order sent, a repeated id once',
      );
      const publicPage = pageOf(PublicTestimonialSchema).parse(
        (await api.inject({ method: 'GET', url: '/v1/testimonials?limit=100', headers: api.acme.publicPage() })).json(),
      );
      for (const id of [first.id, second.id, already.id]) assert.ok(publicPage.items.some((item) => item.id === id), `${id} is public`);
      const globex = await api.db.query<{ status: string }>('SELECT status FROM testimonials WHERE id = $1', [theirs.id]);
      assert.equal(globex.rows[0]?.status, 'pending', 'another organisation’s testimonial is untouched');
      const audit = await api.db.query<{ target_id: string }>(`SELECT target_id FROM audit_log WHERE action = 'testimonial.approved' AND target_id = ANY($1::text[])`, [
        [first.id, second.id, already.id, withdrawn.id, theirs.id],
      ]);
      assert.deepEqual(audit.rows.map((row) => row.target_id).sort(), [first.id, second.id, already.id].sort(), 'one entry per approval, none for the rest');
    });

    it('refuses hostile bulk requests with a 400 or 403 and approves nothing', async () => {
      const pending = await submit(api.acme, 'm-hostile');
      const tooMany = Array.from({ length: 101 }, () => pending.id);
      for (const [label, ids] of [
        ['empty', []],
        ['101 ids', tooMany],
        ['not a uuid', ['nope']],
        ['a NUL', [`${pending.id}\u0000`]],
        ['not a list', pending.id],
        ['numbers', [1, 2]],
      ] as const) {
        assertClientProblem(await bulkApprove(ids), label, 400);
      }
      const unknownField = await api.inject({ method: 'POST', url: '/v1/admin/testimonials/approve', ...jsonRequest(await api.acme.admin(), { ids: [pending.id], all: true }) });
      assertClientProblem(unknownField, 'unknown field', 400);
      assertClientProblem(await bulkApprove([pending.id], await api.acme.employee('m-hostile')), 'employee', 403);
      const { rows } = await api.db.query<{ status: string }>('SELECT status FROM testimonials WHERE id = $1', [pending.id]);
      assert.equal(rows[0]?.status, 'pending');
    });

    it('names people and keys in the audit trail, never employee:<uuid>', async () => {
      const testimonial = await submit(api.acme, 'm-audited');
      await api.inject({ method: 'PATCH', url: '/v1/me', ...jsonRequest(await api.acme.admin('m-admin'), { displayName: 'Jonas Weber' }) });
      await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/reject`, ...jsonRequest(await api.acme.admin('m-admin'), { reason: 'Too short.' }) });
      await bulkApprove([testimonial.id], { authorization: `Bearer ${api.acme.secretKey}` });
      const response = await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: await api.acme.admin() });
      const trail = AuditAnswer.parse(response.json()).items;
      assert.deepEqual(trail.map((entry) => entry.action), ['testimonial.submitted', 'testimonial.rejected', 'testimonial.approved']);
      assert.equal(trail[0]!.actor, 'Employee m-audited');
      assert.equal(trail[1]!.actor, 'Jonas Weber');
      const key = /^API key (\S+)…$/.exec(trail[2]!.actor);
      assert.ok(key && api.acme.secretKey.startsWith(key[1]!), trail[2]!.actor);
      for (const entry of trail) assert.doesNotMatch(entry.actor, /employee:|key:|[0-9a-f]{8}-[0-9a-f]{4}/);
      // Another organisation's testimonial has no trail to read.
      const theirs = await submit(api.globex, 'g-audited');
      assertClientProblem(await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${theirs.id}/audit`, headers: await api.acme.admin() }), 'cross-tenant audit', 404);
    });
  });
}
