// POST /v1/admin/identity/test: a pasted token checked as the API checks employee tokens, against the identity
// settings being edited (a real key set on loopback) or the saved ones; nothing written, nothing audited.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { IdentityTestResultSchema, ProblemSchema } from '@advocacy/sdk/contract';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const ISSUER = 'https://login.acme-new.example/';
const AUDIENCE = 'advocacy-acme-new';
const NOW = new Date('2026-12-06T10:00:00.000Z');

for (const kind of databaseKinds()) {
  describe(`identity token test on ${kind}`, () => {
    let api: TestApi;
    let server: Server;
    let jwksUrl: string;
    let signing: CryptoKey;
    let stranger: CryptoKey;

    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
      const pair = await generateKeyPair('RS256', { extractable: true });
      signing = pair.privateKey;
      stranger = (await generateKeyPair('RS256')).privateKey;
      const keys = [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }];
      server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    after(async () => {
      await api.close();
      await new Promise((resolve) => server.close(resolve));
    });

    const edited = () => ({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, adminRole: 'comms-admin' });
    const sign = (key: CryptoKey, claims: Record<string, unknown> = {}, exp = NOW.getTime() / 1000 + 600) =>
      new SignJWT({ name: 'Jonas Weber', team: 'Design', roles: ['comms-admin'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('jonas')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime(exp)
        .sign(key);
    const test = async (body: unknown, headers?: Record<string, string>) =>
      api.inject({
        method: 'POST',
        url: '/v1/admin/identity/test',
        headers: { ...(headers ?? (await api.acme.admin())), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const auditCount = async () => Number((await api.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE organisation_id = $1', [api.acme.id])).rows[0]!.n);
    const employees = async () => Number((await api.db.query<{ n: string }>('SELECT count(*) AS n FROM employees WHERE organisation_id = $1', [api.acme.id])).rows[0]!.n);

    it('accepts a token signed by the edited settings’ key set and gives the claims the API uses; writes nothing', async () => {
      const headers = await api.acme.admin();
      await api.inject({ method: 'GET', url: '/v1/me', headers }); // the admin exists before counting
      const [audits, people] = [await auditCount(), await employees()];
      const response = await test({ token: await sign(signing), settings: edited() }, headers);
      assert.equal(response.statusCode, 200, response.body);
      const result = IdentityTestResultSchema.parse(response.json());
      assert.deepEqual(result, {
        valid: true,
        reason: null,
        claims: { subject: 'jonas', name: 'Jonas Weber', email: null, team: 'Design', roles: ['comms-admin'], isAdmin: true },
        expiresAt: new Date(NOW.getTime() + 600_000).toISOString(),
      });
      assert.equal(await auditCount(), audits, 'not audited');
      assert.equal(await employees(), people, 'no employee created');
    });

    it('says why a token is refused: unknown key, expired, wrong audience, not a JWT', async () => {
      const cases: [string, string | Promise<string>, RegExp][] = [
        ['unknown key', sign(stranger), /could not be verified|unknown key/],
        ['expired', sign(signing, {}, NOW.getTime() / 1000 - 3_600), /expired/],
        ['not a JWT', 'hello', /not a JWT/],
      ];
      for (const [name, token, reason] of cases) {
        const result = IdentityTestResultSchema.parse((await test({ token: await token, settings: edited() })).json());
        assert.equal(result.valid, false, name);
        assert.match(result.reason ?? '', reason, name);
        assert.equal(result.claims, null, name);
      }
      const otherAudience = IdentityTestResultSchema.parse((await test({ token: await sign(signing), settings: { ...edited(), audience: 'someone-else' } })).json());
      assert.equal(otherAudience.valid, false);
      assert.match(otherAudience.reason ?? '', /"aud" claim/);
    });

    it('without edited settings, checks against the saved ones (a token for them is valid, an RS256 one for the new issuer is not)', async () => {
      const saved = IdentityTestResultSchema.parse((await test({ token: await api.acme.token('amina', { roles: ['advocacy-admin'] }) })).json());
      assert.equal(saved.valid, true, saved.reason ?? '');
      assert.equal(saved.claims?.subject, 'amina');
      const other = IdentityTestResultSchema.parse((await test({ token: await sign(signing) })).json());
      assert.equal(other.valid, false);
    });

    it('refuses employees who are not admins (403) and bad bodies (400)', async () => {
      assert.equal((await test({ token: 'x' }, await api.acme.employee('sam'))).statusCode, 403);
      const bad = await test({ token: '', settings: { ...edited(), jwksUrl: 'not a url' } });
      assert.equal(bad.statusCode, 400);
      const problem = ProblemSchema.parse(bad.json());
      assert.ok(problem.errors?.some((error) => error.field === 'body.settings.jwksUrl'), JSON.stringify(problem.errors));
    });
  });
}
