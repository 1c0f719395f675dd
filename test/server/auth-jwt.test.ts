import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { MeSchema, ProblemSchema } from '@advocacy/sdk/contract';
import { createOrganisation } from '../../packages/server/src/domain/organisations.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const ISSUER = 'https://login.initech.example/';
const AUDIENCE = 'advocacy-initech';

/** The identity provider's key set, served on loopback; counts its fetches. */
async function startJwksServer(keys: JWK[]): Promise<{ url: string; fetches: () => number; setDown: (down: boolean) => void; close: () => Promise<void> }> {
  let fetches = 0;
  let down = false;
  const server: Server = createServer((request, response) => {
    fetches += 1;
    if (down) {
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: () => fetches,
    setDown: (value) => {
      down = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const base64url = (value: object | string): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

for (const kind of databaseKinds()) {
  describe(`employee JWTs on ${kind}`, () => {
    let api: TestApi;
    let jwks: Awaited<ReturnType<typeof startJwksServer>>;
    let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
    let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
    let stranger: { privateKey: CryptoKey };

    before(async () => {
      rsa = await generateKeyPair('RS256', { extractable: true });
      ec = await generateKeyPair('ES256', { extractable: true });
      stranger = await generateKeyPair('RS256');
      jwks = await startJwksServer([
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ]);
      // Demo mode off: only the JWKS path may verify, as in production.
      api = await startTestApi(kind, { demoMode: false });
      await createOrganisation(api.db, { slug: 'initech', name: 'Initech', jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: jwks.url }, adminRole: 'comms-admin' });
    });
    after(async () => {
      await api.close();
      await jwks.close();
    });

    const sign = (key: CryptoKey, alg: 'RS256' | 'ES256', kid: string, claims: JWTPayload = {}, edit?: (jwt: SignJWT) => SignJWT) => {
      let jwt = new SignJWT({ name: 'Peter Gibbons', team: 'TPS', ...claims }).setProtectedHeader({ alg, kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('peter').setIssuedAt().setExpirationTime('10m');
      if (edit) jwt = edit(jwt);
      return jwt.sign(key);
    };
    const me = (token: string) => api.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
    const assertRefused = async (token: string, label: string): Promise<void> => {
      const response = await me(token);
      assert.equal(response.statusCode, 401, `${label}: ${response.body}`);
      assert.match(String(response.headers['content-type']), /problem\+json/);
      assert.match(String(response.headers['www-authenticate']), /^Bearer/);
      ProblemSchema.parse(response.json());
    };

    it('accepts RS256 and ES256 tokens from the JWKS, creating the employee from their claims', async () => {
      const viaRsa = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1'));
      assert.equal(viaRsa.statusCode, 200, viaRsa.body);
      const profile = MeSchema.parse(viaRsa.json());
      assert.deepEqual([profile.name, profile.team, profile.isAdmin], ['Peter Gibbons', 'TPS', false]);
      const viaEc = await me(await sign(ec.privateKey, 'ES256', 'ec-1', { team: 'Management' }));
      assert.equal(MeSchema.parse(viaEc.json()).team, 'Management', 'the team follows the identity provider');
      assert.equal(MeSchema.parse(viaEc.json()).id, profile.id, 'same subject, same employee');
    });

    it('makes an admin of a token with the organisation’s admin role only', async () => {
      assert.equal(MeSchema.parse((await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', { roles: ['comms-admin'] }))).json()).isAdmin, true);
      assert.equal(MeSchema.parse((await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', { roles: ['advocacy-admin'] }))).json()).isAdmin, false);
    });

    it('refuses the attack set with 401 problems, never 500', async () => {
      const now = Math.floor(Date.now() / 1000);
      const header = (alg: string) => base64url({ alg, typ: 'JWT', kid: 'rsa-1' });
      const payload = base64url({ iss: ISSUER, aud: AUDIENCE, sub: 'peter', exp: now + 600, iat: now });
      const publicPem = await exportSPKI(rsa.publicKey);
      const hsWithPublicKey = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('peter').setExpirationTime('10m').sign(new TextEncoder().encode(publicPem));
      const cases: [string, string][] = [
        ['alg none', `${header('none')}.${payload}.`],
        ['HS256 signed with the public key', hsWithPublicKey],
        ['wrong audience', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setAudience('someone-else'))],
        ['two audiences, none ours', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setAudience(['a', 'b']))],
        ['wrong issuer', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setIssuer('https://evil.example/'))],
        ['expired beyond 30 s', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setExpirationTime(now - 60))],
        ['not valid before 2 minutes from now', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setNotBefore(now + 120))],
        ['unknown kid', await sign(rsa.privateKey, 'RS256', 'rsa-404')],
        ['signed by a stranger with a known kid', await sign(stranger.privateKey, 'RS256', 'rsa-1')],
        ['no subject', await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').sign(rsa.privateKey)],
        ['no expiry', await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('peter').sign(rsa.privateKey)],
        ['garbage', 'not-a-token'],
        ['three garbage parts', 'a.b.c'],
        ['a tampered payload', (await sign(rsa.privateKey, 'RS256', 'rsa-1')).replace(/\.[^.]+\./, `.${base64url({ iss: ISSUER, aud: AUDIENCE, sub: 'admin', exp: now + 600 })}.`)],
        ['an enormous token', `${header('RS256')}.${'A'.repeat(20_000)}.sig`],
      ];
      for (const [label, token] of cases) await assertRefused(token, label);
    });

    it('accepts a token expired within the 30 s tolerance', async () => {
      const now = Math.floor(Date.now() / 1000);
      const response = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setExpirationTime(now - 10)));
      assert.equal(response.statusCode, 200);
    });

    it('refuses HS256 everywhere outside demo mode, even with the right secret', async () => {
      const token = await api.acme.token('someone');
      await assertRefused(token, 'HS256 outside demo mode');
    });

    it('does not hammer the identity provider for unknown kids', async () => {
      const before = jwks.fetches();
      for (let i = 0; i < 5; i++) await assertRefused(await sign(rsa.privateKey, 'RS256', `unknown-${i}`), 'unknown kid');
      assert.ok(jwks.fetches() - before <= 1, `fetched ${jwks.fetches() - before} times`);
    });

    it('answers 503, not 401 or 500, when the identity provider is down', async () => {
      await api.close();
      api = await startTestApi(kind, { demoMode: false });
      await createOrganisation(api.db, { slug: 'initech', name: 'Initech', jwt: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: jwks.url } });
      jwks.setDown(true);
      try {
        const response = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1'));
        assert.equal(response.statusCode, 503, response.body);
        assert.ok(response.headers['retry-after']);
      } finally {
        jwks.setDown(false);
      }
    });
  });
}
