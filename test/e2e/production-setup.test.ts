// From an empty database to a working intranet page and career page, with
// only the documented `advocacy-admin` commands and NODE_ENV=production:
// an organisation, its identity provider (a JWKS served here on loopback,
// RS256 and ES256 tokens signed here), an intranet origin, keys. Then the
// README's page on another origin works with those tokens, a career site's
// server renders testimonials with a testimonials:read key, and a secret key
// without admin is refused on admin routes. On Postgres when DATABASE_URL is
// set (a fresh database), else on an embedded data folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Browser } from 'playwright-core';
import type { TestimonialsPage } from '@advocacy/widgets/ssr';
import { createPostgresTestDatabase } from '../helpers/databases.js';
import { launchBrowser } from './helpers/browser.js';
import { recordFailures } from './helpers/page-failures.js';
import { startStack, type Stack } from './helpers/stack.js';
import { widgetStates } from './helpers/widget-states.js';

const ISSUER = 'https://login.acme.test/';
const AUDIENCE = 'advocacy';
const listen = async (server: Server): Promise<number> => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
};

describe('a production set-up from an empty database, with advocacy-admin only', () => {
  let database: { env: Record<string, string>; drop: () => Promise<void> };
  let stack: Stack;
  let browser: Browser;
  let idp: Server;
  let intranet: Server;
  let intranetOrigin: string;
  const keys: { rsa?: CryptoKey; ec?: CryptoKey } = {};
  const created: { publishable?: string; testimonialsRead?: string; statsRead?: string } = {};
  const refusals: Partial<Record<'expired' | 'badOrigin', { code: number | null; out: string; err: string }>> = {};

  /** `npx advocacy-admin …` on the test's database: exit code, stdout, stderr. (Not spawnSync: the key set it fetches is served by this process.) */
  const admin = async (...args: string[]): Promise<{ code: number | null; out: string; err: string }> => {
    const child = spawn('npx', ['--no-install', 'advocacy-admin', ...args], { env: { ...process.env, NODE_ENV: 'production', ...database.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, out, err };
  };
  const adminOk = async (...args: string[]): Promise<string> => {
    const run = await admin(...args);
    assert.equal(run.code, 0, `advocacy-admin ${args.join(' ')}: ${run.err}`);
    return run.out;
  };

  const employeeToken = async (alg: 'RS256' | 'ES256', subject: string, roles: string[] = []): Promise<string> =>
    new SignJWT({ name: `Employee ${subject}`, email: `${subject}@acme.example`, team: 'Engineering', roles })
      .setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rsa-1' : 'ec-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(alg === 'RS256' ? keys.rsa! : keys.ec!);

  before(async () => {
    // Build first: the commands below are the built bin, as npx runs it.
    assert.equal(spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' }).status, 0);
    if (process.env['DATABASE_URL']) {
      const postgres = await createPostgresTestDatabase();
      database = { env: { DATABASE_URL: postgres.url }, drop: postgres.drop };
    } else {
      const folder = await mkdtemp(join(tmpdir(), 'adv-prod-e2e-'));
      database = { env: { DATABASE_URL: '', DATA_DIR: folder }, drop: () => rm(folder, { recursive: true, force: true }) };
    }

    // The identity provider: a key set on loopback, its keys kept here to sign tokens.
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    keys.rsa = rsa.privateKey;
    keys.ec = ec.privateKey;
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    });
    idp = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    const jwksUrl = `http://127.0.0.1:${await listen(idp)}/jwks.json`;

    // The intranet's server, on its own port: the README page, its token script and token endpoint, and a career page.
    intranet = createServer();
    intranetOrigin = `http://localhost:${await listen(intranet)}`;

    // The documented set-up, in order (the production start prints the same list).
    await adminOk('org', 'create', '--name', 'Acme', '--slug', 'acme');
    await adminOk('identity', 'set', '--issuer', ISSUER, '--audience', AUDIENCE, '--jwks-url', jwksUrl, '--admin-role', 'advocacy-admin');
    assert.match(await adminOk('identity', 'test', await employeeToken('RS256', 'ada')), /ada/);
    await adminOk('origins', 'add', intranetOrigin);
    await adminOk('domains', 'add', 'acme.example');
    created.publishable = (JSON.parse(await adminOk('keys', 'create', 'publishable', '--origin', intranetOrigin, '--json')) as { key: string }).key;
    created.testimonialsRead = (JSON.parse(await adminOk('keys', 'create', 'secret', '--scope', 'testimonials:read', '--name', 'Career site server', '--json')) as { key: string }).key;
    created.statsRead = (JSON.parse(await adminOk('keys', 'create', 'secret', '--scope', 'stats:read', '--name', 'BI export', '--json')) as { key: string }).key;
    assert.match(created.publishable!, /^pk_/);
    assert.match(created.testimonialsRead!, /^sk_/);

    // Before the server starts: on an embedded database the server holds the folder, and the command would be refused.
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('late').setExpirationTime(Math.floor(Date.now() / 1000) - 600).sign(keys.rsa);
    refusals.expired = await admin('identity', 'test', expired);
    refusals.badOrigin = await admin('origins', 'add', 'not an origin');

    [stack, browser] = await Promise.all([startStack({ NODE_ENV: 'production', ...database.env }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
    await Promise.all([idp, intranet].map((server) => server && new Promise((resolve) => server.close(resolve))));
    await database?.drop();
  });

  it('refused a bad token with the exact reason, and bad input with exit code 2', () => {
    assert.equal(refusals.expired?.code, 1);
    assert.match(`${refusals.expired?.err}${refusals.expired?.out}`, /expired/i);
    assert.equal(refusals.badOrigin?.code, 2);
    assert.match(refusals.badOrigin?.err ?? '', /^advocacy-admin: .+\n$/, 'one line, no stack');
  });

  it('has no demo: no demo routes, no demo organisation', async () => {
    assert.equal((await fetch(`${stack.url}/v1/demo`)).status, 404);
    assert.equal((await fetch(`${stack.url}/demo/intranet`)).status, 404);
  });

  it('runs the README page on the intranet’s origin with RS256 and ES256 tokens, and a career page rendered with a testimonials:read key', async () => {
    const api = new URL(stack.url).origin;
    const bearer = (credential: string) => ({ authorization: `Bearer ${credential}`, 'content-type': 'application/json' });
    // An admin publishes content and approves a testimonial through the API, with their own token.
    const adminToken = await employeeToken('RS256', 'comms-lead', ['advocacy-admin']);
    const content = await fetch(`${api}/v1/content`, { method: 'POST', headers: bearer(adminToken), body: JSON.stringify({ title: 'We are hiring in Lyon', url: 'https://acme.example/jobs', locale: 'en' }) });
    assert.equal(content.status, 201, await content.clone().text());
    const testimonial = await fetch(`${api}/v1/testimonials`, {
      method: 'POST',
      headers: bearer(await employeeToken('ES256', 'grace')),
      body: JSON.stringify({ quote: 'I learn something every week here.', role: 'Engineer', team: 'Engineering', location: 'Lyon', locale: 'en', consent: { version: '2026-01', accepted: true } }),
    });
    assert.equal(testimonial.status, 201, await testimonial.clone().text());
    const { id } = (await testimonial.json()) as { id: string };
    assert.equal((await fetch(`${api}/v1/admin/testimonials/${id}/approve`, { method: 'POST', headers: bearer(adminToken), body: '{}' })).status, 200);

    // A secret key without admin is refused on admin routes, naming the scope it lacks.
    for (const key of [created.testimonialsRead!, created.statsRead!]) {
      const refused = await fetch(`${api}/v1/admin/settings`, { headers: bearer(key) });
      assert.equal(refused.status, 403);
      assert.match(((await refused.json()) as { detail: string }).detail, /settings:write|admin/);
    }
    const statsKeyOnTestimonials = await fetch(`${api}/v1/testimonials`, { headers: bearer(created.statsRead!) });
    assert.equal(statsKeyOnTestimonials.status, 403);
    assert.match(((await statsKeyOnTestimonials.json()) as { detail: string }).detail, /testimonials:read/);

    // The intranet's server: the README page (its self-hosted lines), the README's token script, a token endpoint, a career page.
    const sri = JSON.parse(await readFile(new URL('../../packages/widgets/dist/cdn/sri.json', import.meta.url), 'utf8')) as { files: Record<string, string> };
    const { renderTestimonials } = await import('@advocacy/widgets/ssr');
    let alg: 'RS256' | 'ES256' = 'RS256';
    intranet.on('request', (request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme intranet</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="${api}/themes/auto.css" crossorigin="anonymous" />
<script type="module" src="${api}/cdn/advocacy.js" integrity="${sri.files['advocacy.js']}" crossorigin="anonymous"></script></head><body>
<adv-provider api-url="${api}" locale="en"><adv-share-feed limit="5"></adv-share-feed><adv-leaderboard period="month"></adv-leaderboard><adv-my-impact></adv-my-impact></adv-provider>
<adv-provider api-url="${api}" publishable-key="${created.publishable}"><adv-testimonials layout="grid"></adv-testimonials></adv-provider>
<script type="module" src="/js/advocacy-token.js"></script></body></html>`);
      } else if (path === '/js/advocacy-token.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(`document.querySelector('adv-provider').getToken = async () => {
  const response = await fetch('/api/advocacy-token', { credentials: 'same-origin' });
  return response.ok ? (await response.json()).token : null;
};`);
      } else if (path === '/api/advocacy-token') {
        void employeeToken(alg, 'ada').then((token) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token })));
      } else if (path === '/careers') {
        // The career site's server: approved testimonials with its testimonials:read key, rendered to HTML.
        void fetch(`${api}/v1/testimonials?limit=12`, { headers: { authorization: `Bearer ${created.testimonialsRead}` } })
          .then(async (answer) => {
            assert.equal(answer.status, 200);
            const data = (await answer.json()) as TestimonialsPage;
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderTestimonials({ data, layout: 'grid', lang: 'en' }));
          })
          .catch((error: unknown) => response.writeHead(500).end(String(error)));
      } else {
        response.writeHead(404).end();
      }
    });

    for (const next of ['RS256', 'ES256'] as const) {
      alg = next;
      const context = await browser.newContext();
      const tab = await context.newPage();
      const failures = recordFailures(tab);
      await tab.goto(intranetOrigin);
      const states = await widgetStates(tab);
      assert.deepEqual(Object.keys(states).sort(), ['adv-leaderboard', 'adv-my-impact', 'adv-share-feed', 'adv-testimonials']);
      assert.deepEqual(Object.entries(states).filter(([, state]) => state.startsWith('error')), [], `${alg}: no widget in its error state`);
      // (Playwright's locators see into shadow roots.)
      assert.equal(await tab.locator('adv-share-feed').getByRole('heading', { name: 'We are hiring in Lyon' }).count(), 1, `${alg}: the feed shows the content`);
      assert.equal(await tab.locator('adv-testimonials').getByText('I learn something every week here.').count(), 1, `${alg}: the approved testimonial`);
      assert.deepEqual(failures, [], alg);
      await context.close();
    }

    const careers = await (await fetch(`${intranetOrigin}/careers`)).text();
    assert.match(careers, /I learn something every week here\./, 'the career page, rendered on the server with a testimonials:read key');
    assert.match(careers, /<template shadowroot(mode)?="open"/, 'as declarative shadow DOM');
  });
});
