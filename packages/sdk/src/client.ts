import { commonRoutes } from './compiled-contract/routes.js';
import type { Health } from './contract/health.js';
import type { routes } from './contract/routes.js';
import { resolveClientOptions, type ClientOptions, type ResolvedClientOptions } from './client-options.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { callRoute, callRouteAsText, type CallOptions, type RouteInput, type RouteOutput } from './resources/call-route.js';
import { Transport, type RequestOptions } from './transport.js';

type R = typeof routes;
type Query<K extends keyof R> = NonNullable<RouteInput<R[K]>['query']>;
type Body<K extends keyof R> = RouteInput<R[K]> extends { body: infer B } ? B : never;
type Out<K extends keyof R> = Promise<RouteOutput<R[K]>>;

export interface AdvClient {
  /** The validated options, defaults filled in. */
  readonly options: ResolvedClientOptions;
  /** Whether the API and its database answer (`GET /healthz`). */
  health(options?: RequestOptions): Promise<Health>;
  content: {
    list(query?: Query<'listContent'>, options?: RequestOptions): Out<'listContent'>;
    get(id: string, options?: RequestOptions): Out<'getContent'>;
  };
  shares: {
    /** The caller's tracked link for a content and network; safe to retry (one Idempotency-Key per call). */
    create(body: Body<'createShare'>, options?: CallOptions): Out<'createShare'>;
    listMine(query?: Query<'listMyShares'>, options?: RequestOptions): Out<'listMyShares'>;
  };
  leaderboard: { get(query?: Query<'getLeaderboard'>, options?: RequestOptions): Out<'getLeaderboard'> };
  me: {
    get(options?: RequestOptions): Out<'getMe'>;
    update(body: Body<'updateMe'>, options?: RequestOptions): Out<'updateMe'>;
  };
  testimonials: {
    /** Approved testimonials (a publishable key is enough). */
    list(query?: Query<'listTestimonials'>, options?: RequestOptions): Out<'listTestimonials'>;
    consent(query?: Query<'getConsent'>, options?: RequestOptions): Out<'getConsent'>;
    submit(body: Body<'submitTestimonial'>, options?: CallOptions): Out<'submitTestimonial'>;
    listMine(options?: RequestOptions): Out<'listMyTestimonials'>;
    withdraw(id: string, options?: RequestOptions): Out<'withdrawTestimonial'>;
  };
  stats: {
    get(query?: Query<'getStats'>, options?: RequestOptions): Out<'getStats'>;
    /** Programme totals a career site may show (a publishable key is enough). */
    getPublic(query?: Query<'getPublicStats'>, options?: RequestOptions): Out<'getPublicStats'>;
  };
  events: { send(body: Body<'sendEvents'>, options?: RequestOptions): Out<'sendEvents'> };
  admin: {
    content: {
      create(body: Body<'createContent'>, options?: CallOptions): Out<'createContent'>;
      update(id: string, body: Body<'updateContent'>, options?: RequestOptions): Out<'updateContent'>;
      archive(id: string, options?: RequestOptions): Out<'archiveContent'>;
      restore(id: string, options?: RequestOptions): Out<'restoreContent'>;
      /** A new draft copy; safe to retry (one Idempotency-Key per call). */
      duplicate(id: string, options?: CallOptions): Out<'duplicateContent'>;
    };
    testimonials: {
      queue(query?: Query<'listModerationQueue'>, options?: RequestOptions): Out<'listModerationQueue'>;
      approve(id: string, options?: RequestOptions): Out<'approveTestimonial'>;
      /** Approves up to 100 at once, one result per id. */
      approveMany(ids: readonly string[], options?: RequestOptions): Out<'approveTestimonials'>;
      reject(id: string, reason: string, options?: RequestOptions): Out<'rejectTestimonial'>;
      audit(id: string, options?: RequestOptions): Out<'getTestimonialAudit'>;
    };
    /** Figures to review: bursts and jumps in declared audiences. */
    flags: {
      list(query?: Query<'listTrustFlags'>, options?: RequestOptions): Out<'listTrustFlags'>;
      review(id: string, options?: RequestOptions): Out<'reviewTrustFlag'>;
    };
    /** The programme dashboard for a range of UTC days; `csv` gives its rows as an RFC 4180 file (the text). */
    stats: {
      get(query: Query<'getAdminStats'>, options?: RequestOptions): Out<'getAdminStats'>;
      csv(query: Query<'getAdminStats'>, options?: RequestOptions): Promise<string>;
    };
    /** Points, disclosure, destination domains, trust limits. */
    settings: {
      get(options?: RequestOptions): Out<'getSettings'>;
      update(body: Body<'updateSettings'>, options?: RequestOptions): Out<'updateSettings'>;
    };
    /** The page origins the organisation's employee tokens work from. */
    origins: {
      list(options?: RequestOptions): Out<'listOrigins'>;
      add(origin: string, options?: CallOptions): Out<'addOrigin'>;
      remove(origin: string, options?: RequestOptions): Out<'removeOrigin'>;
    };
    keys: {
      list(options?: RequestOptions): Out<'listKeys'>;
      /** The answer holds the whole key, this once; safe to retry (one Idempotency-Key per call). */
      create(body: Body<'createKey'>, options?: CallOptions): Out<'createKey'>;
      revoke(id: string, options?: RequestOptions): Out<'revokeKey'>;
    };
    identity: {
      get(options?: RequestOptions): Out<'getIdentity'>;
      update(body: Body<'updateIdentity'>, options?: RequestOptions): Out<'updateIdentity'>;
      /** Checks a pasted token against the settings being edited (or the saved ones); writes nothing. */
      test(body: Body<'testIdentity'>, options?: RequestOptions): Out<'testIdentity'>;
    };
    /** Who changed what, newest first. */
    audit: { list(query?: Query<'listAuditLog'>, options?: RequestOptions): Out<'listAuditLog'> };
    /** Employees as the identity provider introduced them, with their figures in a range; leavers, GDPR export and erasure. */
    people: {
      list(query?: Query<'listPeople'>, options?: RequestOptions): Out<'listPeople'>;
      deactivate(id: string, options?: RequestOptions): Out<'deactivatePerson'>;
      reactivate(id: string, options?: RequestOptions): Out<'reactivatePerson'>;
      /** Everything held about one person (GDPR Art. 15). */
      export(id: string, options?: RequestOptions): Out<'exportPerson'>;
      /** Erases one person's personal data (GDPR Art. 17); `confirm` is their name as listed, or their id. */
      erase(id: string, confirm: string, options?: RequestOptions): Out<'erasePerson'>;
    };
  };
  /** Demo mode of the reference server only (loopback clients). */
  demo: {
    get(options?: RequestOptions): Out<'getDemo'>;
    token(employeeId: string, options?: RequestOptions): Out<'createDemoToken'>;
  };
}

/**
 * Creates a client for the advocacy API. Validates its options and throws
 * `AdvConfigError` when one is wrong; does no network work until called.
 * Every answer is checked against the contract before it is returned.
 */
export function createClient(options: ClientOptions): AdvClient {
  const resolved = resolveClientOptions(options);
  const transport = new Transport(resolved);
  const call = <K extends keyof R>(name: K, input: RouteInput<R[K]>, callOptions: CallOptions = {}): Out<K> =>
    callRoute(transport, name, input, callOptions);
  const creating = (callOptions: CallOptions = {}): CallOptions => ({ ...callOptions, idempotencyKey: callOptions.idempotencyKey ?? newIdempotencyKey() });

  return {
    options: resolved,
    health: (requestOptions) =>
      transport.send({ method: 'GET', path: 'healthz', check: commonRoutes.health.responses[200], okStatuses: [200, 503], ...(requestOptions?.signal ? { signal: requestOptions.signal } : {}) }),
    content: {
      list: (query, o) => call('listContent', { query }, o),
      get: (id, o) => call('getContent', { params: { id } }, o),
    },
    shares: {
      create: (body, o) => call('createShare', { body }, creating(o)),
      listMine: (query, o) => call('listMyShares', { query }, o),
    },
    leaderboard: { get: (query, o) => call('getLeaderboard', { query }, o) },
    me: {
      get: (o) => call('getMe', {}, o),
      update: (body, o) => call('updateMe', { body }, o),
    },
    testimonials: {
      list: (query, o) => call('listTestimonials', { query }, o),
      consent: (query, o) => call('getConsent', { query }, o),
      submit: (body, o) => call('submitTestimonial', { body }, creating(o)),
      listMine: (o) => call('listMyTestimonials', {}, o),
      withdraw: (id, o) => call('withdrawTestimonial', { params: { id } }, o),
    },
    stats: {
      get: (query, o) => call('getStats', { query }, o),
      getPublic: (query, o) => call('getPublicStats', { query }, o),
    },
    events: { send: (body, o) => call('sendEvents', { body }, o) },
    admin: {
      content: {
        create: (body, o) => call('createContent', { body }, creating(o)),
        update: (id, body, o) => call('updateContent', { params: { id }, body }, o),
        archive: (id, o) => call('archiveContent', { params: { id } }, o),
        restore: (id, o) => call('restoreContent', { params: { id } }, o),
        duplicate: (id, o) => call('duplicateContent', { params: { id } }, creating(o)),
      },
      testimonials: {
        queue: (query, o) => call('listModerationQueue', { query }, o),
        approve: (id, o) => call('approveTestimonial', { params: { id } }, o),
        approveMany: (ids, o) => call('approveTestimonials', { body: { ids: [...ids] } }, o),
        reject: (id, reason, o) => call('rejectTestimonial', { params: { id }, body: { reason } }, o),
        audit: (id, o) => call('getTestimonialAudit', { params: { id } }, o),
      },
      flags: {
        list: (query, o) => call('listTrustFlags', { query }, o),
        review: (id, o) => call('reviewTrustFlag', { params: { id } }, o),
      },
      stats: {
        get: (query, o) => call('getAdminStats', { query }, o),
        csv: (query, o) => callRouteAsText(transport, 'getAdminStats', 'text/csv', { query }, o),
      },
      settings: {
        get: (o) => call('getSettings', {}, o),
        update: (body, o) => call('updateSettings', { body }, o),
      },
      origins: {
        list: (o) => call('listOrigins', {}, o),
        add: (origin, o) => call('addOrigin', { body: { origin } }, creating(o)),
        remove: (origin, o) => call('removeOrigin', { params: { origin } }, o),
      },
      keys: {
        list: (o) => call('listKeys', {}, o),
        create: (body, o) => call('createKey', { body }, creating(o)),
        revoke: (id, o) => call('revokeKey', { params: { id } }, o),
      },
      identity: {
        get: (o) => call('getIdentity', {}, o),
        update: (body, o) => call('updateIdentity', { body }, o),
        test: (body, o) => call('testIdentity', { body }, o),
      },
      audit: { list: (query, o) => call('listAuditLog', { query }, o) },
      people: {
        list: (query, o) => call('listPeople', { query }, o),
        deactivate: (id, o) => call('deactivatePerson', { params: { id } }, o),
        reactivate: (id, o) => call('reactivatePerson', { params: { id } }, o),
        export: (id, o) => call('exportPerson', { params: { id } }, o),
        erase: (id, confirm, o) => call('erasePerson', { params: { id }, body: { confirm } }, o),
      },
    },
    demo: {
      get: (o) => call('getDemo', {}, o),
      token: (employeeId, o) => call('createDemoToken', { body: { employeeId } }, o),
    },
  };
}
