import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { MeSchema, ProblemSchema } from '@advocacy/sdk/contract';
import { isAcceptableJwksUrl } from '../../packages/server/src/auth/jwt.js';
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

/** A loopback URL where nothing listens any more. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/jwks.json`;
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
      const publicJwk = JSON.stringify(await exportJWK(rsa.publicKey));
      const hsWithPublicJwk = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('peter').setExpirationTime('10m').sign(new TextEncoder().encode(publicJwk));
      const cases: [string, string][] = [
        ['alg none', `${header('none')}.${payload}.`],
        ['alg none without a kid', `${base64url({ alg: 'none' })}.${payload}.`],
        ['HS256 signed with the public key', hsWithPublicKey],
        ['HS256 signed with the public JWK', hsWithPublicJwk],
        ['ES256 header on an RSA key', await sign(ec.privateKey, 'ES256', 'rsa-1')],
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
        ['a validly signed token over 8 KB', await sign(rsa.privateKey, 'RS256', 'rsa-1', { padding: 'x'.repeat(9_000) })],
        ['a NUL in the issuer', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setIssuer(`${ISSUER}\u0000`))],
        ['a NUL in the audience', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setAudience(`${AUDIENCE}\u0000`))],
        ['a NUL in the subject', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setSubject('pe\u0000ter'))],
        ['a subject of 256 characters', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setSubject('p'.repeat(256)))],
        ['an empty subject', await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setSubject(''))],
        ['a numeric subject', await new SignJWT({ sub: 42 } as unknown as JWTPayload).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').sign(rsa.privateKey)],
      ];
      for (const [label, token] of cases) await assertRefused(token, label);
    });

    it('accepts a token expired, or not yet valid, within the 30 s tolerance', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setExpirationTime(now - 10)));
      assert.equal(expired.statusCode, 200);
      const early = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setNotBefore(now + 10)));
      assert.equal(early.statusCode, 200);
    });

    it('refuses malformed Authorization headers with 401 problems', async () => {
      for (const authorization of ['Bearer', 'Bearer ', 'Basic cGV0ZXI6c2VjcmV0', 'Bearer a b', 'bearer']) {
        const response = await api.inject({ method: 'GET', url: '/v1/me', headers: { authorization } });
        assert.equal(response.statusCode, 401, JSON.stringify(authorization));
        assert.match(String(response.headers['www-authenticate']), /^Bearer/);
        assert.match(String(response.headers['content-type']), /problem\+json/);
      }
      const anonymous = await api.inject({ method: 'GET', url: '/v1/me' });
      assert.equal(anonymous.statusCode, 401, 'no credential at all on an employee route');
    });

    it('keeps the employee in step with the identity provider, and keeps what they set themself', async () => {
      const token = (claims: JWTPayload) => sign(rsa.privateKey, 'RS256', 'rsa-1', claims, (jwt) => jwt.setSubject('samir'));
      const first = MeSchema.parse((await me(await token({ name: 'Samir Nagheenanajar', team: 'Software' }))).json());
      const patched = await api.inject({
        method: 'PATCH',
        url: '/v1/me',
        headers: { authorization: `Bearer ${await token({ name: 'Samir Nagheenanajar', team: 'Software' })}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ displayName: 'Samir N.' }),
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const renamed = MeSchema.parse((await me(await token({ name: 'Samir Nagheenanajar-Bolton', team: 'Printers' }))).json());
      assert.deepEqual([renamed.id, renamed.name, renamed.team, renamed.displayName], [first.id, 'Samir Nagheenanajar-Bolton', 'Printers', 'Samir N.']);
      const withoutProfile = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('samir').setExpirationTime('10m').sign(rsa.privateKey);
      const kept = MeSchema.parse((await me(withoutProfile)).json());
      assert.deepEqual([kept.name, kept.team], ['Samir Nagheenanajar-Bolton', 'Printers'], 'a token without profile claims changes nothing');
      const controlled = MeSchema.parse((await me(await token({ name: 'Sam\u0000ir\u0007', team: 'Printers' }))).json());
      assert.equal(controlled.name, 'Sam ir', 'control characters in a display claim are not stored');
    });

    it('fetches keys over https, or over http on this machine only', async () => {
      assert.equal(isAcceptableJwksUrl('https://login.initech.example/keys'), true);
      for (const url of ['http://127.0.0.1:8080/keys', 'http://localhost/keys', 'http://[::1]:9000/keys']) assert.equal(isAcceptableJwksUrl(url), true, url);
      for (const url of ['http://login.initech.example/keys', 'http://127.0.0.1.evil.example/keys', 'http://10.0.0.1/keys', 'ftp://login.initech.example/keys', 'file:///etc/keys', 'not a url']) {
        assert.equal(isAcceptableJwksUrl(url), false, url);
      }
      const issuer = 'https://login.plain.example/';
      await createOrganisation(api.db, { slug: 'plain-http', name: 'Plain', jwt: { issuer, audience: AUDIENCE, jwksUrl: 'http://login.plain.example/keys' } });
      const token = await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setIssuer(issuer));
      await assertRefused(token, 'a key set over plain http');
      assert.match((await me(token)).json<{ detail: string }>().detail, /https/);
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

    it('answers 503 when the identity provider cannot be reached', async () => {
      const issuer = 'https://login.gone.example/';
      await createOrganisation(api.db, { slug: 'gone', name: 'Gone', jwt: { issuer, audience: AUDIENCE, jwksUrl: await closedPortUrl() } });
      const response = await me(await sign(rsa.privateKey, 'RS256', 'rsa-1', {}, (jwt) => jwt.setIssuer(issuer)));
      assert.equal(response.statusCode, 503, response.body);
      assert.ok(response.headers['retry-after']);
      ProblemSchema.parse(response.json());
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
