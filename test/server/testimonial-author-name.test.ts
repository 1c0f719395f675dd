// Issue 15, point 5: the testimonial form lets its author change the name it
// is published under. `authorName` in POST /v1/testimonials: optional (left
// out: the profile's name), trimmed, one line, 60 characters at most; stored
// beside the profile name; shown on the career site (API and server-rendered
// page); both names in the moderation queue; in the person's export; cleared
// by their erasure; never seen by another organisation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  ModerationTestimonialSchema,
  PersonExportSchema,
  PublicTestimonialSchema,
  TestimonialSchema,
  pageOf,
  type Testimonial,
} from '@advocacy/sdk/contract';
import { DEMO_ORGANISATION, demoExtension, seedDemo } from '@advocacy/demo';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

const PublicPage = pageOf(PublicTestimonialSchema);
const ModerationPage = pageOf(ModerationTestimonialSchema);
const withJson = (headers: Record<string, string>, body?: unknown) => ({
  headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
});

for (const kind of databaseKinds()) {
  describe(`a testimonial's chosen author name on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    const valid = (overrides: Record<string, unknown> = {}) => ({
      quote: 'I came for the product and stayed for the people.',
      role: 'Designer',
      team: 'Design',
      location: 'Nantes',
      locale: 'en',
      consent: { version: '2026-01', accepted: true },
      ...overrides,
    });
    const post = async (org: TestOrganisation, subject: string, body: unknown) =>
      api.inject({ method: 'POST', url: '/v1/testimonials', ...withJson(await org.employee(subject, { name: `Profile ${subject}` }), body) });
    async function submit(org: TestOrganisation, subject: string, overrides: Record<string, unknown> = {}): Promise<Testimonial> {
      const response = await post(org, subject, valid(overrides));
      assert.equal(response.statusCode, 201, response.body);
      return TestimonialSchema.parse(response.json());
    }
    const approve = async (org: TestOrganisation, id: string) => {
      const response = await api.inject({ method: 'POST', url: `/v1/admin/testimonials/${id}/approve`, ...withJson(await org.admin()) });
      assert.equal(response.statusCode, 200, response.body);
    };
    const publicItems = async (org: TestOrganisation) => {
      const response = await api.inject({ method: 'GET', url: '/v1/testimonials?limit=100', headers: org.publicPage() });
      assert.equal(response.statusCode, 200, response.body);
      return PublicPage.parse(response.json()).items;
    };
    const stored = async (id: string) =>
      (await api.db.query<{ author_name: string; chosen_author_name: string | null }>('SELECT author_name, chosen_author_name FROM testimonials WHERE id = $1', [id]))
        .rows[0]!;
    const employeeId = async (org: TestOrganisation, subject: string) =>
      (await api.db.query<{ id: string }>('SELECT id FROM employees WHERE organisation_id = $1 AND subject = $2', [org.id, subject])).rows[0]!.id;

    it('stores the chosen name, trimmed, beside the profile name, and publishes it under that name', async () => {
      const testimonial = await submit(api.acme, 'n-chosen', { authorName: '  Lou  ' });
      assert.equal(testimonial.authorName, 'Lou');
      assert.deepEqual(await stored(testimonial.id), { author_name: 'Profile n-chosen', chosen_author_name: 'Lou' });
      const mine = (await api.inject({ method: 'GET', url: '/v1/testimonials/mine', headers: await api.acme.employee('n-chosen') })).json<{ items: Testimonial[] }>();
      assert.equal(mine.items.find((item) => item.id === testimonial.id)?.authorName, 'Lou');

      await approve(api.acme, testimonial.id);
      const shown = (await publicItems(api.acme)).find((item) => item.id === testimonial.id);
      assert.equal(shown?.authorName, 'Lou');
      assert.ok(!JSON.stringify(await publicItems(api.acme)).includes('Profile n-chosen'), 'the profile name stays off the career site');
    });

    it('publishes under the profile name when no name is chosen (stored as null)', async () => {
      const testimonial = await submit(api.acme, 'n-default');
      assert.equal(testimonial.authorName, 'Profile n-default');
      assert.deepEqual(await stored(testimonial.id), { author_name: 'Profile n-default', chosen_author_name: null });
      await approve(api.acme, testimonial.id);
      assert.equal((await publicItems(api.acme)).find((item) => item.id === testimonial.id)?.authorName, 'Profile n-default');
    });

    it('shows moderators both the chosen name and who really wrote it', async () => {
      const testimonial = await submit(api.acme, 'n-moderated', { authorName: 'Someone Else' });
      const response = await api.inject({ method: 'GET', url: '/v1/admin/testimonials?status=pending&limit=100', headers: await api.acme.admin() });
      assert.equal(response.statusCode, 200, response.body);
      const item = ModerationPage.parse(response.json()).items.find((candidate) => candidate.id === testimonial.id);
      assert.equal(item?.authorName, 'Someone Else');
      assert.equal(item?.author.displayName, 'Profile n-moderated');
      assert.equal(item?.author.id, await employeeId(api.acme, 'n-moderated'));
    });

    it('answers 400 (problem+json) to an empty, too long, multi-line or non-string name, and stores nothing', async () => {
      const before = (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM testimonials WHERE organisation_id = $1', [api.acme.id])).rows[0]!.n;
      for (const authorName of ['', '   ', 'x'.repeat(61), 'Lou\nDupont', 'Lou\tDupont', 'Lou\u0000', 'Lou\u0085', 42, null, ['Lou']]) {
        const response = await post(api.acme, 'n-bad', valid({ authorName }));
        assert.equal(response.statusCode, 400, `${JSON.stringify(authorName)}: ${response.body}`);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        const problem = response.json<{ errors?: { field: string }[] }>();
        assert.ok(problem.errors?.some((error) => error.field.includes('authorName')), JSON.stringify(problem));
      }
      const after = (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM testimonials WHERE organisation_id = $1', [api.acme.id])).rows[0]!.n;
      assert.equal(after, before);
      const longest = await submit(api.acme, 'n-bad', { authorName: 'é'.repeat(60) });
      assert.equal(longest.authorName, 'é'.repeat(60));
    });

    it('is in the person’s export, and their erasure clears it', async () => {
      const testimonial = await submit(api.acme, 'n-erased', { authorName: 'Pseudonym Zed' });
      await approve(api.acme, testimonial.id);
      const id = await employeeId(api.acme, 'n-erased');
      const exportOf = async () => {
        const response = await api.inject({ method: 'GET', url: `/v1/admin/people/${id}/export`, headers: await api.acme.admin() });
        assert.equal(response.statusCode, 200, response.body);
        return PersonExportSchema.parse(response.json());
      };
      assert.deepEqual(
        (await exportOf()).testimonials.map((item) => [item.id, item.authorName]),
        [[testimonial.id, 'Pseudonym Zed']],
      );
      const erased = await api.inject({ method: 'POST', url: `/v1/admin/people/${id}/erase`, ...withJson(await api.acme.admin(), { confirm: 'Profile n-erased' }) });
      assert.equal(erased.statusCode, 200, erased.body);
      assert.deepEqual(await stored(testimonial.id), { author_name: '', chosen_author_name: null });
      assert.doesNotMatch(JSON.stringify(await exportOf()), /Pseudonym Zed|Profile n-erased/);
      assert.ok(!(await publicItems(api.acme)).some((item) => item.id === testimonial.id), 'gone from the career site');
    });

    it('is never seen by another organisation', async () => {
      const testimonial = await submit(api.acme, 'n-tenant', { authorName: 'Acme Only Name' });
      await approve(api.acme, testimonial.id);
      const theirs = await submit(api.globex, 'n-tenant', { authorName: 'Globex Only Name' });
      await approve(api.globex, theirs.id);
      const globexPublic = JSON.stringify(await publicItems(api.globex));
      assert.ok(globexPublic.includes('Globex Only Name'), 'globex sees its own');
      assert.ok(!globexPublic.includes('Acme Only Name'));
      const queue = await api.inject({ method: 'GET', url: '/v1/admin/testimonials?status=approved&limit=100', headers: await api.globex.admin() });
      assert.equal(queue.statusCode, 200, queue.body);
      assert.ok(!queue.body.includes('Acme Only Name'));
      assert.ok(!queue.body.includes(testimonial.id));
      const audit = await api.inject({ method: 'GET', url: `/v1/admin/testimonials/${testimonial.id}/audit`, headers: await api.globex.admin() });
      assert.equal(audit.statusCode, 404);
      assert.ok(!JSON.stringify(await publicItems(api.acme)).includes('Globex Only Name'));
    });
  });

  describe(`the server-rendered career page shows the chosen name on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      await seedDemo(db);
      app = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension] });
    });
    after(async () => {
      await app?.close();
      await db?.close();
    });

    it('renders an approved testimonial under the name its author chose', async () => {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE testimonials SET chosen_author_name = 'Chosen Qwerty Name'
          WHERE id = (SELECT t.id FROM testimonials t JOIN organisations o ON o.id = t.organisation_id
                       WHERE o.slug = $1 AND t.status = 'approved' ORDER BY t.moderated_at DESC LIMIT 1)
          RETURNING id`,
        [DEMO_ORGANISATION.slug],
      );
      assert.equal(rows.length, 1, 'the demo has an approved testimonial');
      const response = await app.inject({ method: 'GET', url: '/demo/careers', headers: { host: 'localhost:8787' } });
      assert.equal(response.statusCode, 200);
      const text = response.body.replace(/<script[\s\S]*?<\/script>/g, ' ');
      assert.ok(text.includes('Chosen Qwerty Name'), 'the chosen name is rendered as text, not only in the JSON');
    });
  });
}
