import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConsentSchema, PublicTestimonialSchema, TestimonialSchema, pageOf, type Testimonial } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const PublicPage = pageOf(PublicTestimonialSchema);
const withJson = (headers: Record<string, string>, body?: unknown) => ({
  headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
});

for (const kind of databaseKinds()) {
  describe(`testimonials on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const valid = (overrides: Record<string, unknown> = {}) => ({
      quote: 'I joined for the mission and stayed for the people.',
      role: 'Data engineer',
      team: 'Engineering',
      location: 'Lyon',
      locale: 'en',
      tags: ['engineering'],
      consent: { version: '2026-01', accepted: true },
      ...overrides,
    });

    async function submit(org: TestOrganisation, subject: string, overrides: Record<string, unknown> = {}): Promise<Testimonial> {
      const response = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(await org.employee(subject, { email: `${subject}@acme.example` }), valid(overrides)) });
      assert.equal(response.statusCode, 201, response.body);
      return TestimonialSchema.parse(response.json());
    }
    const approve = async (org: TestOrganisation, id: string) => api.inject({ method: 'POST', url: `/v1/admin/testimonials/${id}/approve`, ...withJson(await org.admin()) });
    const publicList = async (org: TestOrganisation, query = '') => {
      const response = await api.inject({ method: 'GET', url: `/v1/testimonials${query}`, headers: org.publicPage() });
      assert.equal(response.statusCode, 200, response.body);
      return { page: PublicPage.parse(response.json()), raw: response.body, headers: response.headers };
    };

    it('gives the current consent text and version', async () => {
      const consent = ConsentSchema.parse((await api.inject({ method: 'GET', url: '/v1/testimonials/consent?locale=fr-FR', headers: await api.acme.employee('t-0') })).json());
      assert.equal(consent.version, '2026-01');
      assert.match(consent.text, /career site/);
    });

    it('records consent and keeps a submission pending, out of public view', async () => {
      api.setNow(new Date('2030-05-05T10:00:00Z'));
      const testimonial = await submit(api.acme, 't-1').finally(() => api.setNow(undefined));
      assert.equal(testimonial.status, 'pending');
      assert.deepEqual(testimonial.consent, { version: '2026-01', acceptedAt: '2030-05-05T10:00:00.000Z' });
      assert.ok(!(await publicList(api.acme)).page.items.some((item) => item.id === testimonial.id));
    });

    it('refuses outdated consent, unticked consent, long quotes and unknown fields', async () => {
      const headers = await api.acme.employee('t-2');
      const cases: [Record<string, unknown>, number][] = [
        [{ consent: { version: '2025-01', accepted: true } }, 409],
        [{ consent: { version: '2026-01', accepted: false } }, 400],
        [{ consent: undefined }, 400],
        [{ quote: 'x'.repeat(1_201) }, 400],
        [{ quote: '   ' }, 400],
        [{ photoUrl: 'javascript:alert(1)' }, 400],
        [{ status: 'approved' }, 400],
        [{ employeeId: crypto.randomUUID() }, 400],
      ];
      for (const [overrides, status] of cases) {
        const response = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid(overrides)) });
        assert.equal(response.statusCode, status, JSON.stringify(overrides));
        assert.match(String(response.headers['content-type']), /problem\+json/);
      }
      const longest = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid({ quote: 'x'.repeat(1_200) })) });
      assert.equal(longest.statusCode, 201);
    });

    it('publishes on approval, without email or employee ids, and filters', async () => {
      const approved = await submit(api.acme, 't-3', { team: 'Sales', location: 'Paris', locale: 'fr', tags: ['sales'] });
      const response = await approve(api.acme, approved.id);
      assert.equal(TestimonialSchema.parse(response.json()).status, 'approved');
      const { page, raw, headers } = await publicList(api.acme);
      assert.ok(page.items.some((item) => item.id === approved.id));
      assert.equal(headers['cache-control'], 'no-store');
      assert.doesNotMatch(raw, /@acme\.example|employeeId|employee_id|consent/);
      const { rows } = await api.db.query<{ employee_id: string }>('SELECT employee_id FROM testimonials WHERE id = $1', [approved.id]);
      assert.ok(!raw.includes(rows[0]!.employee_id));
      for (const query of ['?team=sales', '?location=Paris', '?locale=fr', '?tag=sales']) {
        assert.deepEqual((await publicList(api.acme, query)).page.items.map((item) => item.id), [approved.id], query);
      }
      assert.equal((await publicList(api.acme, '?team=Nobody')).page.items.length, 0);
    });

    it('rejects with a reason the author sees, in the audit log', async () => {
      const testimonial = await submit(api.acme, 't-4');
      const rejected = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/reject`, ...withJson(await api.acme.admin(), { reason: 'Please remove the client name.' }) });
      assert.equal(TestimonialSchema.parse(rejected.json()).status, 'rejected');
      const mine = (await api.inject({ method: 'GET', url: '/v1/testimonials/mine', headers: await api.acme.employee('t-4') })).json() as { items: Testimonial[] };
      assert.equal(mine.items[0]?.rejectionReason, 'Please remove the client name.');
      const audit = (await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: await api.acme.admin() })).json() as { items: { action: string; detail: Record<string, unknown> }[] };
      assert.deepEqual(audit.items.map((entry) => entry.action), ['testimonial.submitted', 'testimonial.rejected']);
      assert.equal(audit.items[1]?.detail['reason'], 'Please remove the client name.');
      const noReason = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/reject`, ...withJson(await api.acme.admin(), {}) });
      assert.equal(noReason.statusCode, 400);
    });

    it('lets the author withdraw in one call: gone from the next public read, and never re-approved', async () => {
      const testimonial = await submit(api.acme, 't-5');
      await approve(api.acme, testimonial.id);
      assert.ok((await publicList(api.acme)).page.items.some((item) => item.id === testimonial.id));
      const withdrawn = await api.inject({ method: 'POST', url: `/v1/testimonials/${testimonial.id}/withdraw`, headers: await api.acme.employee('t-5') });
      assert.equal(TestimonialSchema.parse(withdrawn.json()).status, 'withdrawn');
      assert.ok(!(await publicList(api.acme)).page.items.some((item) => item.id === testimonial.id));
      assert.equal((await approve(api.acme, testimonial.id)).statusCode, 409);
    });

    it('keeps others and other tenants out', async () => {
      const testimonial = await submit(api.acme, 't-6');
      const byColleague = await api.inject({ method: 'POST', url: `/v1/testimonials/${testimonial.id}/withdraw`, headers: await api.acme.employee('t-colleague') });
      assert.equal(byColleague.statusCode, 404);
      assert.equal((await approve(api.globex, testimonial.id)).statusCode, 404);
      const employeeApproves = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/approve`, headers: await api.acme.employee('t-6') });
      assert.equal(employeeApproves.statusCode, 403);
      await approve(api.acme, testimonial.id);
      assert.ok(!(await publicList(api.globex)).page.items.some((item) => item.id === testimonial.id));
      const wrongOrigin = await api.inject({ method: 'GET', url: '/v1/testimonials', headers: { ...api.acme.publicPage(), origin: 'https://evil.example' } });
      assert.equal(wrongOrigin.statusCode, 403);
      const submitWithKey = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(api.acme.publicPage(), valid()) });
      assert.equal(submitWithKey.statusCode, 403);
    });

    it('lists the moderation queue, oldest first', async () => {
      const response = await api.inject({ method: 'GET', url: '/v1/admin/testimonials?status=pending', headers: await api.acme.admin() });
      const page = pageOf(TestimonialSchema).parse(response.json());
      assert.ok(page.items.length > 0);
      assert.ok(page.items.every((item) => item.status === 'pending'));
      const times = page.items.map((item) => item.createdAt);
      assert.deepEqual(times, [...times].sort());
    });
  });
}
