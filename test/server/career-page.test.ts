// GET /demo/careers: the demo career site rendered on the server from the
// database, under a strict CSP, in English and French, with GET filters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { DEMO_ORGANISATION, demoExtension, seedDemo } from '@advocacy/demo';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

interface Row {
  id: string;
  quote: string;
  author_name: string;
  team: string;
  location: string;
  status: string;
}

/** The JSON of each server-rendered widget, as a browser reads it. */
function widgetData(html: string): { items: { id: string; team: string; location: string; quote: string }[] }[] {
  return [...html.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

const escaped = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

for (const kind of databaseKinds()) {
  describe(`the demo career page on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let rows: Row[];
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      await seedDemo(db);
      app = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension] });
      rows = (
        await db.query<Row>(
          `SELECT t.id, t.quote, t.author_name, t.team, t.location, t.status FROM testimonials t JOIN organisations o ON o.id = t.organisation_id WHERE o.slug = $1`,
          [DEMO_ORGANISATION.slug],
        )
      ).rows;
    });
    after(async () => {
      await app?.close();
      await db?.close();
    });

    const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'localhost:8787' } });

    it('renders every approved testimonial as text, as a grid and a carousel, and no pending one', async () => {
      const response = await get('/demo/careers');
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /^text\/html; charset=utf-8/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const html = response.body;
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<adv-testimonials id="testimonials-grid"[^>]*layout="grid"[^>]*><template shadowroot="open" shadowrootmode="open">/);
      assert.match(html, /<adv-testimonials id="testimonials-carousel"[^>]*layout="carousel"[^>]*><template shadowroot="open" shadowrootmode="open">/);
      const approved = rows.filter((row) => row.status === 'approved');
      const pending = rows.filter((row) => row.status === 'pending');
      assert.ok(approved.length >= 10 && pending.length >= 1);
      for (const row of approved) assert.ok(html.includes(escaped(row.quote)), `approved quote "${row.quote}" is in the HTML`);
      for (const row of pending) assert.ok(!html.includes(escaped(row.quote)), `pending quote "${row.quote}" is not`);
      const [grid, carousel] = widgetData(html);
      assert.deepEqual(new Set(grid!.items.map((item) => item.id)), new Set(approved.map((row) => row.id)));
      assert.deepEqual(carousel, grid);
      assert.match(html, new RegExp(`${approved.length} stories`));
    });

    it('gives the widgets the API and the demo publishable key, never a token', async () => {
      const html = (await get('/demo/careers')).body;
      const { rows: keys } = await db.query<{ publishable_key: string }>('SELECT publishable_key FROM demo_settings');
      assert.match(html, new RegExp(`<adv-provider api-url="http://localhost:8787" publishable-key="${keys[0]!.publishable_key}">`));
      assert.doesNotMatch(html, /eyJ[\w-]+\.[\w-]+\./, 'no JWT anywhere');
      assert.doesNotMatch(html, /sk_/);
    });

    it('sends a strict CSP whose nonce is on the two module scripts only, and allows the widgets\u2019 style by hash', async () => {
      const response = await get('/demo/careers');
      const csp = response.headers['content-security-policy'] as string;
      const nonce = /script-src 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
      assert.ok(nonce, csp);
      for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html', "form-action 'self'", "frame-ancestors 'none'"]) {
        assert.ok(csp.includes(directive), directive);
      }
      assert.match(csp, /style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      const scripts = [...response.body.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!);
      const executable = scripts.filter((attributes) => !attributes.includes('type="application/json"'));
      assert.deepEqual(executable, [` type="module" nonce="${nonce}" src="/cdn/advocacy.js"`, ` type="module" nonce="${nonce}" src="/demo/careers.js"`]);
      assert.doesNotMatch(response.body, /\sstyle="/, 'no inline style attribute');
      const again = (await get('/demo/careers')).headers['content-security-policy'] as string;
      assert.notEqual(again, csp, 'a fresh nonce on every response');
    });

    it('speaks French with ?lang=fr, in the page and in the widgets', async () => {
      const html = (await get('/demo/careers?lang=fr')).body;
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /Aller aux témoignages/);
      assert.match(html, /<label for="filter-team">Équipe<\/label>/);
      assert.match(html, /aria-label="Témoignages de nos collaborateurs"/, 'the carousel speaks French');
      assert.match(html, /<input type="hidden" name="lang" value="fr">/, 'the filters keep the language');
      assert.match(html, /\d+ témoignages/);
    });

    it('filters by team and office with a plain GET form, server-rendered', async () => {
      const home = (await get('/demo/careers')).body;
      assert.match(home, /<form class="careers-filters" method="get" action="\/demo\/careers" role="search"/);
      const teams = [...new Set(rows.filter((row) => row.status === 'approved').map((row) => row.team))].sort();
      for (const team of teams) assert.ok(home.includes(`<option>${escaped(team)}</option>`), team);

      const team = teams[0]!;
      const filtered = (await get(`/demo/careers?team=${encodeURIComponent(team)}`)).body;
      const [grid] = widgetData(filtered);
      const expected = rows.filter((row) => row.status === 'approved' && row.team === team);
      assert.deepEqual(new Set(grid!.items.map((item) => item.id)), new Set(expected.map((row) => row.id)));
      assert.match(filtered, new RegExp(`<option selected>${escaped(team)}</option>`));
      assert.match(filtered, new RegExp(`<adv-testimonials id="testimonials-grid"[^>]*team="${escaped(team)}"`), 'the widget asks the API for the same team');
      for (const row of rows.filter((candidate) => candidate.team !== team)) assert.ok(!filtered.includes(escaped(row.quote)));

      const both = rows.find((row) => row.status === 'approved')!;
      const narrow = widgetData((await get(`/demo/careers?team=${encodeURIComponent(both.team)}&location=${encodeURIComponent(both.location)}`)).body)[0]!;
      assert.ok(narrow.items.length >= 1);
      assert.ok(narrow.items.every((item) => item.team === both.team && item.location === both.location));
    });

    it('ignores filters the API would refuse and escapes what it echoes', async () => {
      const hostile = (await get(`/demo/careers?team=${encodeURIComponent('<script>alert(1)</script>')}&location=${'x'.repeat(500)}&lang=xx`));
      assert.equal(hostile.statusCode, 200);
      assert.doesNotMatch(hostile.body, /<script>alert/);
      assert.match(hostile.body, /<html lang="en">/);
      const [grid] = widgetData(hostile.body);
      assert.equal(grid!.items.length, 0, 'an unknown team matches nothing');
      assert.ok(!hostile.body.includes('x'.repeat(500)), 'an over-long filter is dropped');
    });

    it('drops a withdrawn testimonial on the very next load', async () => {
      const victim = rows.find((row) => row.status === 'approved')!;
      assert.ok((await get('/demo/careers')).body.includes(escaped(victim.quote)));
      await db.query(`UPDATE testimonials SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [victim.id]);
      assert.ok(!(await get('/demo/careers')).body.includes(escaped(victim.quote)));
    });

    it('does not exist outside demo mode', async () => {
      const production = await buildApp(db, { version: 'test', demoMode: false });
      try {
        const response = await production.inject({ method: 'GET', url: '/demo/careers' });
        assert.equal(response.statusCode, 404);
      } finally {
        await production.close();
      }
    });
  });
}
