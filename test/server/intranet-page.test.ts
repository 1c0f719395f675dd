// GET /demo/intranet: the demo intranet page, demo mode only, under a strict
// CSP with a fresh nonce per response. (The page running in a browser is
// test/e2e/intranet.test.ts and strict-csp.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { strictCsp } from '../../packages/demo/src/strict-csp.js';
import { demoExtension } from '@advocacy/demo';
import { openTestDatabase } from '../helpers/databases.js';

describe('the demo intranet page', () => {
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

  it('is HTML under the strict policy, with a fresh nonce on every response that only its one script carries', async () => {
    const first = await demo.inject({ method: 'GET', url: '/demo/intranet' });
    const second = await demo.inject({ method: 'GET', url: '/demo/intranet' });
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(first.headers['cache-control'], 'no-store');
    const nonce = nonceOf(first.headers['content-security-policy']);
    assert.ok(Buffer.from(nonce, 'base64').length >= 16, 'at least 128 random bits');
    assert.notEqual(nonceOf(second.headers['content-security-policy']), nonce);
    assert.equal(first.headers['content-security-policy'], strictCsp(nonce));
    assert.equal(
      strictCsp('N'),
      "default-src 'none'; script-src 'nonce-N' 'strict-dynamic'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html; style-src 'self'; connect-src 'self'; img-src 'self' https: data:; font-src 'self'; form-action 'none'; frame-ancestors 'none'",
    );
    assert.deepEqual([...first.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]), [`<script type="module" nonce="${nonce}" src="/demo/intranet.js">`]);
    assert.doesNotMatch(first.body, /<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    assert.equal((first.body.match(new RegExp(nonce.replace(/[+/=]/g, '\\$&'), 'g')) ?? []).length, 1);
  });

  it('has the landmarks and headings of a home page, and the widgets without any token in the markup', async () => {
    const { body } = await demo.inject({ method: 'GET', url: '/demo/intranet' });
    assert.match(body, /<html lang="en">/);
    for (const landmark of ['<header', '<main id="main"', '<aside', '<footer', '<nav class="languages" aria-label="Language"']) assert.ok(body.includes(landmark), landmark);
    assert.equal(body.match(/<h1>/g)?.length, 1);
    assert.match(body, /<a class="skip-link" href="#main">Skip to main content<\/a>/);
    assert.match(body, /<label for="employee">Act as<\/label>\s*<select id="employee"/);
    for (const tag of ['adv-provider', 'adv-share-feed', 'adv-my-impact', 'adv-leaderboard', 'adv-program-stats', 'adv-testimonials', 'adv-testimonial-form']) {
      assert.ok(body.includes(`<${tag}`), tag);
    }
    assert.doesNotMatch(body, /token|ey[A-Za-z0-9_-]{10,}\./i, 'the page carries no token, nor a place for one');
  });

  it('speaks French with ?lang=fr, English otherwise', async () => {
    const french = await demo.inject({ method: 'GET', url: '/demo/intranet?lang=fr' });
    assert.match(french.body, /<html lang="fr">/);
    assert.match(french.body, /<title>Intranet Northwind — démo Advocacy Kit<\/title>/);
    assert.match(french.body, /<a href="\?lang=fr" lang="fr" hreflang="fr" aria-current="true">Français<\/a>/);
    assert.match(french.body, /Aller au contenu principal/);
    for (const url of ['/demo/intranet?lang=de', '/demo/intranet?lang=%3Cscript%3E', '/demo/intranet?lang=fr&lang=en']) {
      const response = await demo.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<html lang="en">/, url);
    }
  });

  it('is served beside the demo folder, whose script and styles it loads, and whose index links to it', async () => {
    for (const asset of ['/demo/intranet.js', '/demo/demo.css', '/demo/favicon.svg']) {
      assert.equal((await demo.inject({ method: 'GET', url: asset })).statusCode, 200, asset);
    }
    // The folder's index (the start page links to /demo/) leads to the intranet.
    const index = await demo.inject({ method: 'GET', url: '/demo/' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<a href="\/demo\/intranet">/);
    assert.doesNotMatch(index.body, /<script\b|<style\b|\sstyle=/i);
  });

  it('does not exist outside demo mode', async () => {
    const response = await production.inject({ method: 'GET', url: '/demo/intranet' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['content-security-policy'], undefined);
  });
});
