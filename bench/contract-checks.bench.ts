// How fast the client checks answers with the compiled contract
// (packages/sdk/src/compiled-contract/) against zod/mini's safeParse of the
// same schemas, in the same process: a page of 20 pieces of content, a
// leaderboard of 50 rows and a page of 20 testimonials. zod runs twice: with
// its JIT (new Function, as Node allows) and jitless, as a browser under a
// strict CSP without 'unsafe-eval' runs it. Median of 7 interleaved rounds.
import type * as z from 'zod/mini';
import { ContentPageSchema, LeaderboardSchema, routes } from '@advocacy/sdk/contract';
import { runCheck, type Check } from '../packages/sdk/src/compiled-contract/checks.js';
import { compiledRoutes } from '../packages/sdk/src/compiled-contract/all-routes.js';

const ROUNDS = 7;
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 300);

const uuid = (n: number) => `3f6c2a1e-8b4d-4c5e-9a7b-${n.toString(16).padStart(12, '0')}`;
const at = '2026-11-24T09:30:00.000Z';

const contentPage = {
  items: Array.from({ length: 20 }, (_, n) => ({
    id: uuid(n),
    title: `Northwind opens its Lyon office, story ${n}`,
    url: `https://www.northwind.example/news/lyon-${n}`,
    imageUrl: 'https://cdn.northwind.example/lyon.jpg',
    summary: 'Two hundred engineers, a rooftop garden and a bakery on the ground floor.',
    locale: 'en',
    tags: ['engineering', 'open-roles'],
    campaign: null,
    suggestedTexts: { linkedin: { en: 'We are hiring in Lyon!', fr: 'On recrute à Lyon !' }, x: { en: 'Hiring in Lyon' } },
    disclosure: 'I work at Northwind.',
    status: 'published',
    publishAt: at,
    expiresAt: null,
    createdAt: at,
    updatedAt: at,
  })),
  nextCursor: 'eyJpZCI6IjEyMyJ9',
};

const leaderboard = {
  period: 'month',
  periodStart: '2026-11-01',
  team: null,
  items: Array.from({ length: 50 }, (_, n) => ({
    rank: n + 1,
    displayName: `Ambassador ${n}`,
    avatarUrl: n % 2 ? null : `https://cdn.northwind.example/avatars/${n}.jpg`,
    team: 'Engineering',
    points: 2_000 - n * 10,
    shares: 40 - Math.floor(n / 2),
    clicks: 900 - n * 5,
    isMe: n === 7,
  })),
  nextCursor: null,
  me: { rank: 8, points: 1_930, shares: 36, clicks: 865, optedIn: true },
};

const testimonialPage = {
  items: Array.from({ length: 20 }, (_, n) => ({
    id: uuid(100 + n),
    quote: 'I joined for the product and stayed for the people: every week someone teaches me something new.',
    authorName: `Author ${n}`,
    role: 'Software engineer',
    team: 'Engineering',
    location: 'Lyon',
    locale: 'en',
    photoUrl: null,
    tags: ['engineering'],
    approvedAt: at,
  })),
  nextCursor: null,
};

interface Case {
  name: string;
  schema: z.ZodMiniType;
  check: Check;
  value: unknown;
}
const cases: Case[] = [
  { name: 'content page (20)', schema: ContentPageSchema, check: compiledRoutes.listContent.responses[200], value: contentPage },
  { name: 'leaderboard (50 rows)', schema: LeaderboardSchema, check: compiledRoutes.getLeaderboard.responses[200], value: leaderboard },
  { name: 'testimonials page (20)', schema: routes.listTestimonials.responses[200], check: compiledRoutes.listTestimonials.responses[200], value: testimonialPage },
];

/** Calls per second of `run` over one round. */
function rate(run: () => boolean): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 50; i += 1) if (!run()) throw new Error('a valid value was refused');
    calls += 50;
    elapsed = performance.now() - started;
  }
  return (calls / elapsed) * 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Runner = 'compiled' | 'zod (JIT)' | 'zod (jitless)';
// jitless per parse (zod's ParseContext): a global z.config() is read when a schema is built, not when it parses.
const runners: Record<Runner, (entry: Case) => boolean> = {
  compiled: (entry) => runCheck(entry.check, entry.value).ok,
  'zod (JIT)': (entry) => entry.schema.safeParse(entry.value).success,
  'zod (jitless)': (entry) => entry.schema.safeParse(entry.value, { jitless: true }).success,
};

const rows: Record<string, Record<string, string>> = {};
for (const entry of cases) {
  const rates: Record<Runner, number[]> = { compiled: [], 'zod (JIT)': [], 'zod (jitless)': [] };
  for (const runner of Object.keys(runners) as Runner[]) rate(() => runners[runner](entry)); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const runner of Object.keys(runners) as Runner[]) rates[runner].push(rate(() => runners[runner](entry)));
  }
  const compiled = median(rates.compiled);
  const jit = median(rates['zod (JIT)']);
  const jitless = median(rates['zod (jitless)']);
  rows[entry.name] = {
    'compiled checks/s': Math.round(compiled).toLocaleString('en'),
    'zod JIT checks/s': Math.round(jit).toLocaleString('en'),
    'zod jitless checks/s': Math.round(jitless).toLocaleString('en'),
    'compiled / zod JIT': (compiled / jit).toFixed(2),
    'compiled / zod jitless': (compiled / jitless).toFixed(2),
  };
}
console.table(rows);
