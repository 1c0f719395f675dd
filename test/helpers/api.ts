import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { SignJWT, type JWTPayload } from 'jose';
import { buildApp, type AppSettings } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { createOrganisation, type NewOrganisation } from '../../packages/server/src/domain/organisations.js';
import { openTestDatabase, type DatabaseKind } from './databases.js';

export interface TestOrganisation {
  id: string;
  slug: string;
  publishableKey: string;
  secretKey: string;
  /** Origin the publishable key works from. */
  publicOrigin: string;
  /** Origin of the intranet page employees call from. */
  intranetOrigin: string;
  /** Domain content destinations must be on. */
  domain: string;
  /** An HS256 employee token (demo mode), valid for an hour unless claims say otherwise. */
  token: (subject: string, claims?: JWTPayload & { name?: string; team?: string; roles?: string[] }) => Promise<string>;
  /** Headers of a request from an employee of this organisation, from the intranet. */
  employee: (subject: string, claims?: JWTPayload & { name?: string; team?: string; roles?: string[] }) => Promise<Record<string, string>>;
  /** Headers of an admin employee. */
  admin: (subject?: string) => Promise<Record<string, string>>;
  /** Headers of the career site with the publishable key. */
  publicPage: () => Record<string, string>;
}

export interface TestApi {
  app: FastifyInstance;
  db: Db;
  /** The Postgres database's URL, for a second instance (undefined on PGlite). */
  databaseUrl: string | undefined;
  /** The settings the app was built with, for a second instance. */
  settings: AppSettings;
  acme: TestOrganisation;
  globex: TestOrganisation;
  /** `app.inject`, typed. */
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Moves the server's clock (defaults to real time). */
  setNow: (date: Date | undefined) => void;
  close: () => Promise<void>;
}

/** `clock`: the API's clock, which tokens are issued and checked against. */
async function addOrganisation(db: Db, slug: string, clock: () => Date, overrides: Partial<NewOrganisation> = {}): Promise<TestOrganisation> {
  const secret = `test-secret-${slug}-0123456789abcdef0123456789`;
  const issuer = `https://idp.${slug}.example/`;
  const audience = `advocacy-${slug}`;
  const publicOrigin = `https://careers.${slug}.example`;
  const intranetOrigin = `https://intranet.${slug}.example`;
  const domain = `${slug}.example`;
  const created = await createOrganisation(db, {
    slug,
    name: slug[0]!.toUpperCase() + slug.slice(1),
    allowedDomains: [domain],
    allowedOrigins: [intranetOrigin],
    publicOrigins: [publicOrigin],
    disclosure: { en: `I work at ${slug}.`, fr: `Je travaille chez ${slug}.` },
    jwt: { issuer, audience, hs256Secret: secret },
    consent: { version: '2026-01', text: { en: 'I agree that my words and photo appear on the career site.' } },
    ...overrides,
  });
  const token: TestOrganisation['token'] = async (subject, claims = {}) => {
    const issuedAt = Math.floor(clock().getTime() / 1000);
    return new SignJWT({ name: `Employee ${subject}`, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(claims.exp ?? issuedAt + 3_600)
      .sign(new TextEncoder().encode(secret));
  };
  return {
    id: created.id,
    slug,
    publishableKey: created.publishableKey,
    secretKey: created.secretKey,
    publicOrigin,
    intranetOrigin,
    domain,
    token,
    employee: async (subject, claims) => ({ authorization: `Bearer ${await token(subject, claims)}`, origin: intranetOrigin }),
    admin: async (subject = 'admin-1') => ({
      authorization: `Bearer ${await token(subject, { roles: ['advocacy-admin'] })}`,
      origin: intranetOrigin,
    }),
    publicPage: () => ({ authorization: `Bearer ${created.publishableKey}`, origin: publicOrigin }),
  };
}

/**
 * The real API on a fresh database with two organisations, Acme and Globex,
 * so every test can check that nothing crosses from one to the other.
 */
export async function startTestApi(kind: DatabaseKind = 'pglite', settings: Partial<AppSettings> = {}): Promise<TestApi> {
  const db = await openTestDatabase(kind);
  await migrate(db);
  let now: Date | undefined;
  const clock = (): Date => now ?? new Date();
  const acme = await addOrganisation(db, 'acme', clock);
  const globex = await addOrganisation(db, 'globex', clock);
  const appSettings: AppSettings = {
    version: 'test',
    demoMode: true,
    now: clock,
    // High enough that only the rate-limit tests meet the limits.
    rateLimits: { perKeyAndIp: 100_000, perEmployee: 100_000, perAnonymousIp: 100_000 },
    ...settings,
  };
  const app = await buildApp(db, appSettings);
  return {
    app,
    db,
    databaseUrl: db.url,
    settings: appSettings,
    acme,
    globex,
    inject: (options) => app.inject(options),
    setNow: (date) => {
      now = date;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
