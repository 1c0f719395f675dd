import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { ApiKeySchema, CreatedApiKeySchema, IdentitySettingsSchema, ProgrammeSettingsSchema } from '@advocacy/sdk/contract';
import { buildApp } from '../../packages/server/src/app.js';
import { openDatabase } from '../../packages/server/src/db/open-database.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { createPostgresTestDatabase, databaseKinds } from '../helpers/databases.js';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The key set of a test identity provider, served on loopback. */
async function startJwksServer(keys: object[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const ISSUER = 'https://login.acme.example/';
const AUDIENCE = 'advocacy-acme';

for (const kind of databaseKinds()) {
  describe(`advocacy-admin on ${kind}`, () => {
    /** Where the command finds its database: a fresh DATA_DIR, or a fresh Postgres database. */
    let env: Record<string, string>;
    let cleanUp: () => Promise<void>;
    let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
    let jwks: Awaited<ReturnType<typeof startJwksServer>>;

    before(async () => {
      if (kind === 'pglite') {
        const dataDir = await mkdtemp(join(tmpdir(), 'advocacy-admin-'));
        env = { DATA_DIR: dataDir, DATABASE_URL: '' };
        cleanUp = () => rm(dataDir, { recursive: true, force: true });
      } else {
        const database = await createPostgresTestDatabase();
        env = { DATABASE_URL: database.url };
        cleanUp = database.drop;
      }
      rsa = await generateKeyPair('RS256', { extractable: true });
      jwks = await startJwksServer([{ ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }]);
    });
    after(async () => {
      await jwks.close();
      await cleanUp();
    });

    /** Runs the command from its source, as `npx advocacy-admin` would run its build. */
    async function cli(...args: string[]): Promise<CliRun> {
      const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli/advocacy-admin.ts', ...args], {
        env: { ...process.env, NODE_ENV: 'production', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      return { code, stdout, stderr };
    }
    /** Runs a command with --json that must succeed, and parses what it printed. */
    async function cliJson(...args: string[]): Promise<unknown> {
      const run = await cli(...args, '--json');
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr, '', args.join(' '));
      return JSON.parse(run.stdout);
    }
    /** A refusal: the exit code, one line on stderr, no stack trace. */
    async function assertRefused(args: string[], code: number, message: RegExp): Promise<void> {
      const run = await cli(...args);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.match(run.stderr, /^advocacy-admin: [^\n]+\n$/, `one line: ${JSON.stringify(run.stderr)}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at |Error:/, 'no stack trace');
    }
    /** Opens the command's database in this process (after the command has exited and let go of it). */
    async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
      const db = await openDatabase(kind === 'pglite' ? { dataDir: env['DATA_DIR'] } : { databaseUrl: env['DATABASE_URL'] });
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    }

    /** An RS256 token from the test identity provider; `edit` changes its registered claims last. */
    const sign = (claims: JWTPayload, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      edit(
        new SignJWT({ name: 'Ada Lovelace', email: 'ada@acme.example', team: 'Engineering', roles: ['comms-admin', 'staff'], ...claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject('ada')
          .setIssuedAt()
          .setExpirationTime('10m'),
      ).sign(rsa.privateKey);

    it('explains itself with --help, for the whole command and for each one', async () => {
      const top = await cli('--help');
      assert.equal(top.code, 0);
      for (const command of ['org create', 'origins add', 'keys create', 'keys revoke', 'identity set', 'identity test', 'domains add', 'settings set']) {
        assert.match(top.stdout, new RegExp(`^  ${command} `, 'm'));
      }
      const keys = await cli('keys', 'create', '--help');
      assert.equal(keys.code, 0);
      assert.match(keys.stdout, /^Usage: advocacy-admin keys create publishable --origin/);
      assert.match(keys.stdout, /testimonials:read, stats:read, content:write, testimonials:moderate, settings:write, admin/);
      const group = await cli('identity', '--help');
      assert.match(group.stdout, /identity test/);
    });

    it('says how to begin when there is no organisation', async () => {
      await assertRefused(['keys', 'list'], 1, /no organisation yet: create one with advocacy-admin org create/);
    });

    it('creates and lists organisations', async () => {
      const created = (await cliJson('org', 'create', '--name', 'Acme', '--slug', 'acme', '--issuer', 'https://old.acme.example/', '--audience', 'old')) as { id: string; slug: string; name: string };
      assert.deepEqual([created.slug, created.name], ['acme', 'Acme']);
      const listed = (await cliJson('org', 'list')) as { items: { slug: string }[] };
      assert.deepEqual(listed.items.map((org) => org.slug), ['acme']);
      await assertRefused(['org', 'create', '--name', 'Acme again', '--slug', 'acme'], 1, /slug acme already exists/);
    });

    it('manages allowed origins, normalised', async () => {
      const added = (await cliJson('origins', 'add', 'HTTPS://Intranet.Acme.example/')) as { origin: string; added: boolean; origins: string[] };
      assert.deepEqual(added, { origin: 'https://intranet.acme.example', added: true, origins: ['https://intranet.acme.example'] });
      await cliJson('origins', 'add', 'https://wiki.acme.example');
      assert.deepEqual(await cliJson('origins', 'remove', 'https://wiki.acme.example'), { origin: 'https://wiki.acme.example', origins: ['https://intranet.acme.example'] });
      assert.deepEqual(await cliJson('origins', 'list'), { origins: ['https://intranet.acme.example'] });
      await assertRefused(['origins', 'remove', 'https://never.acme.example'], 1, /not one of the organisation’s allowed origins/);
    });

    it('creates keys, prints each once, lists them without it, revokes by prefix', async () => {
      const secret = CreatedApiKeySchema.parse(await cliJson('keys', 'create', 'secret', '--scope', 'testimonials:read', '--scope', 'stats:read', '--name', 'Career site server'));
      assert.match(secret.key!, /^sk_/);
      assert.deepEqual([secret.scopes, secret.name], [['testimonials:read', 'stats:read'], 'Career site server']);
      const publishable = CreatedApiKeySchema.parse(await cliJson('keys', 'create', 'publishable', '--origin', 'https://careers.acme.example', '--origin', 'https://jobs.acme.example'));
      assert.deepEqual(publishable.origins, ['https://careers.acme.example', 'https://jobs.acme.example']);

      const text = await cli('keys', 'create', 'secret', '--scope', 'content:write');
      assert.equal(text.code, 0);
      assert.match(text.stdout.split('\n')[0]!, /^sk_[A-Za-z0-9_-]{32}$/, 'the key on a line of its own, to copy');
      assert.match(text.stdout, /only time it is shown/);

      const listing = await cli('keys', 'list', '--json');
      assert.ok(!listing.stdout.includes(secret.key!) && !listing.stdout.includes(publishable.key!), 'never a key in a listing');
      const items = (JSON.parse(listing.stdout) as { items: unknown[] }).items.map((item) => ApiKeySchema.parse(item));
      assert.equal(items.length, 3);

      const revoked = ApiKeySchema.parse(await cliJson('keys', 'revoke', publishable.prefix));
      assert.equal(revoked.id, publishable.id);
      assert.ok(revoked.revokedAt);
      await assertRefused(['keys', 'revoke', 'sk_unknown00'], 1, /no key with this id or prefix/);
    });

    it('makes keys the API accepts, within their scopes', async () => {
      const { key } = CreatedApiKeySchema.parse(await cliJson('keys', 'create', 'secret', '--scope', 'testimonials:read'));
      await withDatabase(async (db) => {
        const app = await buildApp(db, { version: 'test', demoMode: false });
        try {
          const read = await app.inject({ method: 'GET', url: '/v1/testimonials', headers: { authorization: `Bearer ${key}` } });
          assert.equal(read.statusCode, 200, read.body);
          const moderate = await app.inject({ method: 'GET', url: '/v1/admin/testimonials', headers: { authorization: `Bearer ${key}` } });
          assert.equal(moderate.statusCode, 403);
          assert.equal((moderate.json() as { detail: string }).detail, 'This key lacks the scope testimonials:moderate.');
        } finally {
          await app.close();
        }
      });
    });

    it('sets the identity provider and tests real tokens against its key set', async () => {
      const identity = IdentitySettingsSchema.parse(await cliJson('identity', 'set', '--issuer', ISSUER, '--audience', AUDIENCE, '--jwks-url', jwks.url, '--admin-role', 'comms-admin'));
      assert.deepEqual(identity, { issuer: ISSUER, audience: AUDIENCE, jwksUrl: jwks.url, adminRole: 'comms-admin' });

      const valid = await cli('identity', 'test', await sign({}), '--json');
      assert.equal(valid.code, 0, valid.stderr);
      const report = JSON.parse(valid.stdout) as { valid: boolean; organisation: string; employee: Record<string, unknown> };
      assert.equal(report.valid, true);
      assert.equal(report.organisation, 'acme');
      assert.deepEqual(report.employee, { subject: 'ada', name: 'Ada Lovelace', email: 'ada@acme.example', team: 'Engineering', roles: ['comms-admin', 'staff'], isAdmin: true });
      const notAdmin = JSON.parse((await cli('identity', 'test', await sign({ roles: ['staff'] }), '--json')).stdout) as { employee: { isAdmin: boolean } };
      assert.equal(notAdmin.employee.isAdmin, false);

      const human = await cli('identity', 'test', await sign({}));
      assert.match(human.stdout, /^Valid for acme/);
      assert.match(human.stdout, /^admin: yes$/m);

      const expired = await cli('identity', 'test', await sign({}, (jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 3_600).setExpirationTime(Math.floor(Date.now() / 1000) - 600)), '--json');
      assert.equal(expired.code, 1);
      assert.deepEqual(JSON.parse(expired.stdout), { valid: false, organisation: 'acme', reason: 'The token has expired.' });
      assert.equal(expired.stderr, 'advocacy-admin: Refused: The token has expired.\n');

      const wrongAudience = await cli('identity', 'test', await sign({}, (jwt) => jwt.setAudience('someone-else')), '--json');
      assert.equal(wrongAudience.code, 1);
      const refusal = JSON.parse(wrongAudience.stdout) as { valid: boolean; reason: string };
      assert.equal(refusal.valid, false);
      assert.match(refusal.reason, /^The token was not issued for any organisation of this API: it says iss "https:\/\/login\.acme\.example\/" and aud \["someone-else"\]/);

      const stranger = (await generateKeyPair('RS256')).privateKey;
      const forged = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject('mallory').setExpirationTime('10m').sign(stranger);
      const badSignature = await cli('identity', 'test', forged, '--json');
      assert.equal(badSignature.code, 1);
      assert.equal((JSON.parse(badSignature.stdout) as { reason: string }).reason, 'The token could not be verified.');
      await assertRefused(['identity', 'test', 'not-a-token'], 1, /not a JWT/);
    });

    it('manages destination domains and settings, merging disclosures per locale', async () => {
      assert.deepEqual(await cliJson('domains', 'add', 'Acme.Example'), { domain: 'acme.example', added: true, domains: ['acme.example'] });
      await cliJson('domains', 'add', 'careers.acme.example');
      assert.deepEqual(await cliJson('domains', 'remove', 'careers.acme.example'), { domain: 'careers.acme.example', domains: ['acme.example'] });
      assert.deepEqual(await cliJson('domains', 'list'), { domains: ['acme.example'] });

      await cliJson('settings', 'set', 'disclosure.en=I work at Acme.');
      const settings = ProgrammeSettingsSchema.parse(
        await cliJson('settings', 'set', 'points.share=12', 'points.click=2', 'points.share-rule=on-share', 'points.daily-cap=5', 'clicks.per-network=2',
          'clicks.burst-per-minute=60', 'reach.cap-per-employee=3000', 'clicks.retention-months=24', 'avatar-hosts=Photos.Acme.Example, cdn.acme.example', 'disclosure.fr=Je travaille chez Acme.',
          'earned-media=eur,0.80,5'),
      );
      assert.deepEqual(settings, {
        pointsPerShare: 12,
        pointsPerClick: 2,
        sharePointsRule: 'on-share',
        dailySharePointsCap: 5,
        creditsPerNetworkPerDay: 2,
        burstCreditsPerMinute: 60,
        reachCapPerEmployee: 3_000,
        clickRetentionMonths: 24,
        avatarHosts: ['photos.acme.example', 'cdn.acme.example'],
        disclosure: { en: 'I work at Acme.', fr: 'Je travaille chez Acme.' },
        allowedDomains: ['acme.example'],
        earnedMedia: { currency: 'EUR', cpc: 0.8, cpm: 5 },
      });
      assert.equal(ProgrammeSettingsSchema.parse(await cliJson('settings', 'set', 'earned-media=none')).earnedMedia, null);
      await assertRefused(['settings', 'set', 'earned-media=EUR,cheap,5'], 2, /earned-media: currency,CPC,CPM/);
      const removed = ProgrammeSettingsSchema.parse(await cliJson('settings', 'set', 'disclosure.fr='));
      assert.deepEqual(removed.disclosure, { en: 'I work at Acme.' });
      assert.deepEqual(ProgrammeSettingsSchema.parse(await cliJson('settings', 'show')), removed);
    });

    it('refuses bad input with exit code 2 and one line naming the option', async () => {
      const cases: [string[], RegExp][] = [
        [['keys', 'create', 'secret', '--scope', 'root'], /^advocacy-admin: --scope: Invalid option: expected one of "testimonials:read"/],
        [['keys', 'create', 'secret'], /needs at least one --scope/],
        [['keys', 'create', 'publishable'], /needs at least one --origin/],
        [['keys', 'create', 'publishable', '--origin', 'https://*.acme.example'], /--origin: an origin such as/],
        [['keys', 'create', 'master'], /publishable or secret, not "master"/],
        [['origins', 'add', 'https://acme.example/careers'], /<origin>: an origin such as/],
        [['origins', 'add'], /origins add takes <origin>/],
        [['domains', 'add', 'https://acme.example'], /<domain>: a domain name/],
        [['settings', 'set', 'points.share=5000'], /points\.share: Too big/],
        [['settings', 'set', 'points.click=lots'], /points\.click: a whole number/],
        [['settings', 'set', 'colour=blue'], /Unknown setting "colour"/],
        [['settings', 'set', 'points.share-rule=always'], /points\.share-rule: Invalid option/],
        [['settings', 'set', 'clicks.per-network=0'], /clicks\.per-network: Too small/],
        [['settings', 'set', 'clicks.retention-months=121'], /clicks\.retention-months: Too big/],
        [['identity', 'set', '--jwks-url', 'http://login.acme.example/jwks'], /--jwks-url: must be https \(http only on this machine/],
        [['org', 'create', '--name', 'Globex'], /needs --name and --slug/],
        [['org', 'create', '--name', 'Globex', '--slug', 'Globex Inc'], /--slug: lower-case letters/],
        [['keys', 'list', '--verbose'], /Unknown option '--verbose'/],
        [['frobnicate'], /Unknown command "frobnicate"/],
      ];
      for (const [args, message] of cases) await assertRefused(args, 2, message);
    });

    it('needs --org once there are several organisations', async () => {
      await cliJson('org', 'create', '--name', 'Globex', '--slug', 'globex');
      await assertRefused(['origins', 'list'], 2, /There are 2 organisations \(acme, globex\): say which one with --org <slug>/);
      assert.deepEqual(await cliJson('origins', 'list', '--org', 'globex'), { origins: [] });
      assert.deepEqual(await cliJson('--org', 'acme', 'origins', 'list'), { origins: ['https://intranet.acme.example'] });
      await assertRefused(['origins', 'list', '--org', 'initech'], 1, /No organisation has the slug "initech" \(there are: acme, globex\)/);
    });

    it('writes every change to the audit log as cli', async () => {
      const entries = await withDatabase(async (db) => {
        const { rows } = await db.query<{ slug: string; actor: string; action: string }>(
          'SELECT o.slug, a.actor, a.action FROM audit_log a JOIN organisations o ON o.id = a.organisation_id ORDER BY a.id',
        );
        return rows;
      });
      assert.ok(entries.every((entry) => entry.actor === 'cli'));
      const acme = new Set(entries.filter((entry) => entry.slug === 'acme').map((entry) => entry.action));
      for (const action of ['organisation.created', 'origin.added', 'origin.removed', 'key.created', 'key.revoked', 'identity.updated', 'domain.added', 'domain.removed', 'settings.updated']) {
        assert.ok(acme.has(action), action);
      }
      assert.deepEqual(entries.filter((entry) => entry.slug === 'globex').map((entry) => entry.action), ['organisation.created']);
    });

    if (kind === 'pglite') {
      it('stops at once, in one line, when a server holds the data folder', async () => {
        await withDatabase(() => assertRefused(['origins', 'list', '--org', 'acme'], 1, /in use by/));
      });
    }
  });
}
