import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolUse } from '../db/db.js';
import type { BucketKind } from '../http/rate-limits.js';

/** What the click recorder counts since the process started (it never resets them). */
export interface ClickFigures {
  readonly backlog: number;
  readonly stats: Readonly<{
    journaled: number;
    written: number;
    credited: number;
    uncredited: Readonly<Partial<Record<string, number>>>;
  }>;
}

export interface MetricSources {
  /** The database pool, when there is one (Postgres). */
  poolUse?: (() => PoolUse) | undefined;
  clicks: ClickFigures;
}

/** Seconds; a redirect takes about a millisecond, an API call a few. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The server's Prometheus metrics, in a registry of its own (two apps in one
 * process, as in tests, never mix). Counters kept elsewhere (the click
 * recorder, the database pool) are read when scraped.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly latency: Histogram<'method' | 'route' | 'status'>;
  readonly redirects: Counter<'status'>;
  readonly rateLimitRefusals: Counter<'scope' | 'bucket'>;
  #processMetrics = false;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'advocacy_http_requests_total',
      help: 'Requests answered, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'advocacy_http_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.redirects = new Counter({
      name: 'advocacy_redirects_total',
      help: 'Tracked-link requests answered, by status (302 followed, 404 unknown code, 429 refused, 503 not recordable).',
      labelNames: ['status'],
      registers,
    });
    this.rateLimitRefusals = new Counter({
      name: 'advocacy_rate_limit_refusals_total',
      help: 'Requests refused by a rate limit, by scope (api, links) and bucket (employee, key, ip).',
      labelNames: ['scope', 'bucket'],
      registers,
    });

    const { clicks } = sources;
    const fromRecorder = (name: string, help: string, read: () => number): void => {
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    };
    fromRecorder('advocacy_clicks_journaled_total', 'Clicks appended to the local journal before their redirect went out.', () => clicks.stats.journaled);
    fromRecorder('advocacy_clicks_written_total', 'Clicks written to the database.', () => clicks.stats.written);
    fromRecorder('advocacy_clicks_credited_total', 'Clicks written and credited to their sharer.', () => clicks.stats.credited);
    new Counter({
      name: 'advocacy_clicks_uncredited_total',
      help: 'Clicks written without credit, by reason (bot, preview, head, self, repeat, repeat-network, burst, …).',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        for (const [reason, count] of Object.entries(clicks.stats.uncredited)) this.inc({ reason }, count ?? 0);
      },
    });
    new Gauge({
      name: 'advocacy_click_recorder_backlog',
      help: 'Clicks answered and not yet in the database (memory and journal).',
      registers,
      collect() {
        this.set(clicks.backlog);
      },
    });

    const { poolUse } = sources;
    if (poolUse) {
      new Gauge({
        name: 'advocacy_db_pool_connections',
        help: 'Connections of the Postgres pool, by state (total, idle).',
        labelNames: ['state'],
        registers,
        collect() {
          const use = poolUse();
          this.set({ state: 'total' }, use.total);
          this.set({ state: 'idle' }, use.idle);
        },
      });
      new Gauge({
        name: 'advocacy_db_pool_waiting',
        help: 'Queries waiting for a connection of the Postgres pool.',
        registers,
        collect() {
          this.set(poolUse().waiting);
        },
      });
    }
  }

  /** Adds Node's process metrics (CPU, memory, event loop lag, GC): once, for the server that is scraped. */
  includeProcessMetrics(): void {
    if (this.#processMetrics) return;
    this.#processMetrics = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts a refusal for the `scope` (`api`, `links`) rate limits. */
  refused(scope: 'api' | 'links'): (bucket: BucketKind) => void {
    return (bucket) => this.rateLimitRefusals.inc({ scope, bucket });
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
