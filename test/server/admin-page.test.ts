// GET /demo/admin: the demo programme console, demo mode only, under the
// intranet's strict CSP with a fresh nonce per response. (The console in a
// browser, and the admin journey on it, are test/e2e/admin-console.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { strictCsp } from '../../packages/demo/src/strict-csp.js';
import { demoExtension } from '@advocacy/demo';
import { openTestDatabase } from '../helpers/databases.js';

const ADMIN_TAGS = ['adv-program-dashboard', 'adv-content-library', 'adv-moderation-queue', 'adv-people', 'adv-program-settings'];

describe('the demo programme console page', () => {
  let db: Db;
  let demo: FastifyInstance;
  let production: FastifyInstance;
  before(async () => {
    db = await openTestDatabase('pglite');
    await migrate(db);
    demo = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension] });
    production = await buildApp(db, { version: 'test', demoMode: false });
  });
  after(async () => {
    await demo.close();
    await production.close();
    await db.close();
  });

  const nonceOf = (policy: unknown): string => /'nonce-([^']+)'/.exec(String(policy))?.[1] ?? '';

  it('is HTML under the strict policy, with a fresh nonce that only its one script carries', async () => {
    const first = await demo.inject({ method: 'GET', url: '/demo/admin' });
    const second = await demo.inject({ method: 'GET', url: '/demo/admin' });
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(first.headers['cache-control'], 'no-store');
    const nonce = nonceOf(first.headers['content-security-policy']);
    assert.ok(Buffer.from(nonce, 'base64').length >= 16);
    assert.notEqual(nonceOf(second.headers['content-security-policy']), nonce);
    assert.equal(first.headers['content-security-policy'], strictCsp(nonce));
    assert.deepEqual([...first.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]), [`<script type="module" nonce="${nonce}" src="/demo/admin.js">`]);
    assert.doesNotMatch(first.body, /<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
  });

  it('has a skip link, a nav to every section, one heading per section, and every admin widget inside the provider', async () => {
    const { body } = await demo.inject({ method: 'GET', url: '/demo/admin' });
    assert.match(body, /<html lang="en">/);
    assert.match(body, /<a class="skip-link" href="#main">Skip to the console<\/a>/);
    for (const landmark of ['<header', '<main id="main"', '<footer', '<nav class="console-nav" aria-label="Console sections"', '<nav class="languages" aria-label="Language"']) assert.ok(body.includes(landmark), landmark);
    assert.equal(body.match(/<h1>/g)?.length, 1);
    const provider = body.slice(body.indexOf('<adv-provider'), body.indexOf('</adv-provider>'));
    for (const tag of ADMIN_TAGS) assert.ok(provider.includes(`<${tag}></${tag}>`), tag);
    for (const id of ['dashboard', 'content', 'moderation', 'people', 'settings']) {
      assert.match(body, new RegExp(`<a href="#${id}">`), `the nav leads to #${id}`);
      assert.match(body, new RegExp(`<section id="${id}"[^>]*aria-labelledby="${id}-heading"`));
      assert.match(body, new RegExp(`<h2 id="${id}-heading">`));
    }
    assert.doesNotMatch(body, /ey[A-Za-z0-9_-]{10,}\./, 'no token in the markup');
  });

  it('speaks French with ?lang=fr, English otherwise', async () => {
    const french = await demo.inject({ method: 'GET', url: '/demo/admin?lang=fr' });
    assert.match(french.body, /<html lang="fr">/);
    assert.match(french.body, /<title>Console du programme Northwind — démo Advocacy Kit<\/title>/);
    assert.match(french.body, /<a href="\?lang=fr" lang="fr" hreflang="fr" aria-current="true">Français<\/a>/);
    assert.match(french.body, /<h2 id="moderation-heading">Témoignages à modérer<\/h2>/);
    assert.match(french.body, /<a href="\/demo\/intranet\?lang=fr">Intranet<\/a>/);
    for (const url of ['/demo/admin?lang=de', '/demo/admin?lang=%3Cscript%3E']) assert.match((await demo.inject({ method: 'GET', url })).body, /<html lang="en">/, url);
  });

  it('is linked from the demo index, and its script is served', async () => {
    assert.equal((await demo.inject({ method: 'GET', url: '/demo/admin.js' })).statusCode, 200);
    const index = await demo.inject({ method: 'GET', url: '/demo/' });
    assert.match(index.body, /<a href="\/demo\/admin">/);
    assert.match((await demo.inject({ method: 'GET', url: '/demo/intranet' })).body, /<p id="console-link"[^>]*hidden><a href="\/demo\/admin">/, 'the intranet has the link, shown to admins');
  });

  it('does not exist outside demo mode', async () => {
    const response = await production.inject({ method: 'GET', url: '/demo/admin' });
    assert.equal(response.statusCode, 404);
  });
});
