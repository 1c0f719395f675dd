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

    it('serves the consent text to the form and the career site, by locale, then language, then English, then any', async () => {
      const read = (org: TestOrganisation, headers: Record<string, string>, locale: string) =>
        api.inject({ method: 'GET', url: `/v1/testimonials/consent?locale=${locale}`, headers });
      const fromCareerSite = await read(api.acme, api.acme.publicPage(), 'fr-FR');
      assert.equal(fromCareerSite.statusCode, 200, fromCareerSite.body);
      assert.equal(ConsentSchema.parse(fromCareerSite.json()).locale, 'en', 'Acme has only English: French readers get it');

      const globexEmployee = await api.globex.employee('g-consent');
      await api.db.query(`UPDATE organisations SET consent_text = $2 WHERE id = $1`, [api.globex.id, JSON.stringify({ fr: 'J’accepte.', de: 'Ich stimme zu.' })]);
      assert.deepEqual(ConsentSchema.parse((await read(api.globex, globexEmployee, 'fr-CA')).json()), { version: '2026-01', text: 'J’accepte.', locale: 'fr' });
      assert.equal(ConsentSchema.parse((await read(api.globex, globexEmployee, 'es')).json()).locale, 'de', 'no English: any text rather than none');
      await api.db.query(`UPDATE organisations SET consent_text = '{}' WHERE id = $1`, [api.globex.id]);
      const none = await read(api.globex, globexEmployee, 'en');
      assert.equal(none.statusCode, 404);
      assert.match(String(none.headers['content-type']), /problem\+json/);
      const badLocale = await read(api.globex, globexEmployee, 'not a locale');
      assert.equal(badLocale.statusCode, 400);
    });

    it('asks again when the consent text changed since the form showed it', async () => {
      await api.db.query(`UPDATE organisations SET consent_version = '2026-07', consent_text = $2 WHERE id = $1`, [
        api.globex.id,
        JSON.stringify({ en: 'I agree, including to the new video section.' }),
      ]);
      const headers = await api.globex.employee('g-author');
      const stale = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid()) });
      assert.equal(stale.statusCode, 409);
      assert.match((stale.json() as { detail: string }).detail, /changed.*2026-07/);
      const current = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid({ consent: { version: '2026-07', accepted: true } })) });
      assert.equal(current.statusCode, 201, current.body);
      assert.equal(TestimonialSchema.parse(current.json()).consent.version, '2026-07');
    });

    it('creates one testimonial for a retried submission with the same Idempotency-Key', async () => {
      const headers = { ...(await api.acme.employee('t-retry')), 'idempotency-key': 'testimonial-retry-0001' };
      const first = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid()) });
      const retry = await api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(headers, valid()) });
      assert.equal(first.statusCode, 201);
      assert.equal(retry.statusCode, 201);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(TestimonialSchema.parse(retry.json()).id, TestimonialSchema.parse(first.json()).id);
      const mine = (await api.inject({ method: 'GET', url: '/v1/testimonials/mine', headers: await api.acme.employee('t-retry') })).json() as { items: Testimonial[] };
      assert.equal(mine.items.length, 1);
    });

    it('shows candidates only the public fields', async () => {
      const testimonial = await submit(api.acme, 't-fields', { photoUrl: 'https://cdn.acme.example/t.jpg' });
      await approve(api.acme, testimonial.id);
      const item = (await publicList(api.acme)).page.items.find((entry) => entry.id === testimonial.id);
      assert.deepEqual(Object.keys(item ?? {}).sort(), ['approvedAt', 'authorName', 'id', 'locale', 'location', 'photoUrl', 'quote', 'role', 'tags', 'team']);
      assert.equal(item?.authorName, 'Employee t-fields');
      assert.equal(item?.photoUrl, 'https://cdn.acme.example/t.jpg');
    });

    it('pages through the public list without gaps or repeats, and refuses forged cursors and limits', async () => {
      const moment = new Date('2031-01-01T09:00:00.000Z');
      for (let index = 0; index < 5; index += 1) {
        const testimonial = await submit(api.acme, `t-page-${index}`);
        // Two approvals in the same millisecond: the id breaks the tie.
        api.setNow(new Date(moment.getTime() + Math.floor(index / 2) * 1_000));
        await approve(api.acme, testimonial.id).finally(() => api.setNow(undefined));
      }
      const everything = (await publicList(api.acme, '?limit=100')).page.items.map((item) => item.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const { page }: { page: { items: { id: string }[]; nextCursor: string | null } } = await publicList(api.acme, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 2);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(paged, everything);
      assert.equal(new Set(paged).size, paged.length);
      for (const query of ['?cursor=bm90LWEtY3Vyc29y', '?cursor=***', '?limit=0', '?limit=101', '?status=pending']) {
        const response = await api.inject({ method: 'GET', url: `/v1/testimonials${query}`, headers: api.acme.publicPage() });
        assert.equal(response.statusCode, 400, query);
      }
    });

    it('lets an admin take an approved testimonial down and reconsider it, writing each decision once', async () => {
      const testimonial = await submit(api.acme, 't-takedown');
      await approve(api.acme, testimonial.id);
      await approve(api.acme, testimonial.id);
      const takenDown = await api.inject({
        method: 'POST',
        url: `/v1/admin/testimonials/${testimonial.id}/reject`,
        ...withJson(await api.acme.admin(), { reason: 'A client asked us to remove their name.' }),
      });
      assert.equal(TestimonialSchema.parse(takenDown.json()).rejectionReason, 'A client asked us to remove their name.');
      assert.ok(!(await publicList(api.acme)).page.items.some((item) => item.id === testimonial.id));

      const bySecretKey = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/approve`, headers: { authorization: `Bearer ${api.acme.secretKey}` } });
      const republished = TestimonialSchema.parse(bySecretKey.json());
      assert.equal(republished.status, 'approved');
      assert.equal(republished.rejectionReason, null);
      assert.ok((await publicList(api.acme)).page.items.some((item) => item.id === testimonial.id));

      const audit = (await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: await api.acme.admin() })).json() as {
        items: { actor: string; action: string }[];
      };
      assert.deepEqual(audit.items.map((entry) => entry.action), ['testimonial.submitted', 'testimonial.approved', 'testimonial.rejected', 'testimonial.approved']);
      // People by name, keys by their prefix: never `employee:<uuid>`.
      assert.equal(audit.items[1]!.actor, 'Employee admin-1');
      const keyActor = /^API key (\S+)…$/.exec(audit.items[3]!.actor);
      assert.ok(keyActor && api.acme.secretKey.startsWith(keyActor[1]!), audit.items[3]!.actor);
    });

    it('withdraws once: a repeat changes nothing, the author still sees it, and a pending one can go too', async () => {
      const author = await api.acme.employee('t-twice');
      const testimonial = await submit(api.acme, 't-twice');
      const withdraw = () => api.inject({ method: 'POST', url: `/v1/testimonials/${testimonial.id}/withdraw`, headers: author });
      const first = TestimonialSchema.parse((await withdraw()).json());
      const second = await withdraw();
      assert.equal(second.statusCode, 200);
      assert.equal(TestimonialSchema.parse(second.json()).withdrawnAt, first.withdrawnAt);
      const mine = (await api.inject({ method: 'GET', url: '/v1/testimonials/mine', headers: author })).json() as { items: Testimonial[] };
      assert.deepEqual(mine.items.map((item) => item.status), ['withdrawn']);
      const reject = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/reject`, ...withJson(await api.acme.admin(), { reason: 'Too late.' }) });
      assert.equal(reject.statusCode, 409);
      const audit = (await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: await api.acme.admin() })).json() as { items: { action: string }[] };
      assert.deepEqual(audit.items.map((entry) => entry.action), ['testimonial.submitted', 'testimonial.withdrawn']);
    });

    it('answers 404 for other tenants and unknown ids, 400 for malformed ids, and keeps keys off employee and admin routes', async () => {
      const testimonial = await submit(api.acme, 't-tenant');
      const globexAdmin = await api.globex.admin();
      const attempts = [
        api.inject({ method: 'POST', url: `/v1/admin/testimonials/${testimonial.id}/reject`, ...withJson(globexAdmin, { reason: 'Not ours.' }) }),
        api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: globexAdmin }),
        api.inject({ method: 'POST', url: `/v1/testimonials/${testimonial.id}/withdraw`, headers: await api.globex.employee('t-tenant') }),
        api.inject({ method: 'POST', url: `/v1/admin/testimonials/${crypto.randomUUID()}/approve`, headers: await api.acme.admin() }),
      ];
      for (const response of await Promise.all(attempts)) assert.equal(response.statusCode, 404, response.body);
      const queue = pageOf(TestimonialSchema).parse((await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: globexAdmin })).json());
      assert.ok(!queue.items.some((item) => item.id === testimonial.id));
      assert.equal((await api.inject({ method: 'POST', url: '/v1/testimonials/not-a-uuid/withdraw', headers: await api.acme.employee('t-tenant') })).statusCode, 400);

      for (const url of ['/v1/testimonials/mine', '/v1/admin/testimonials']) {
        assert.equal((await api.inject({ method: 'GET', url, headers: api.acme.publicPage() })).statusCode, 403, url);
      }
      assert.equal((await api.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: await api.acme.employee('t-tenant') })).statusCode, 403);
      assert.equal((await api.inject({ method: 'GET', url: '/v1/testimonials' })).statusCode, 401);
    });

    it('lists the moderation queue, oldest first, page by page', async () => {
      const queue = async (query: string) => {
        const response = await api.inject({ method: 'GET', url: `/v1/admin/testimonials${query}`, headers: await api.acme.admin() });
        assert.equal(response.statusCode, 200, response.body);
        return pageOf(TestimonialSchema).parse(response.json());
      };
      const whole = await queue('?status=pending&limit=100');
      assert.ok(whole.items.length > 2);
      assert.ok(whole.items.every((item) => item.status === 'pending'));
      const times = whole.items.map((item) => item.createdAt);
      assert.deepEqual(times, [...times].sort());
      const first = await queue('?limit=2');
      assert.ok(first.nextCursor);
      const second = await queue(`?limit=100&cursor=${first.nextCursor}`);
      assert.deepEqual([...first.items, ...second.items].map((item) => item.id), whole.items.map((item) => item.id));
      assert.ok((await queue('?status=withdrawn')).items.every((item) => item.status === 'withdrawn'));
      const unknownStatus = await api.inject({ method: 'GET', url: '/v1/admin/testimonials?status=published', headers: await api.acme.admin() });
      assert.equal(unknownStatus.statusCode, 400);
    });
  });
}
