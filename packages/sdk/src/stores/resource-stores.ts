import type { AdvClient } from '../client.js';
import type { ContentListQuery, ContentPage } from '../contract/content.js';
import type { Leaderboard, LeaderboardQuery } from '../contract/leaderboard.js';
import type { Me } from '../contract/me.js';
import type { Stats } from '../contract/stats.js';
import type { PublicTestimonial, PublicTestimonialQuery } from '../contract/testimonials.js';
import type { Period } from '../contract/common.js';
import { createResourceStore, type ResourceStore } from './resource-store.js';

/** The share feed: published content for the caller. */
export function createContentStore(client: AdvClient, query: ContentListQuery = {}): ResourceStore<ContentPage> {
  return createResourceStore((signal) => client.content.list(query, { signal }));
}

/** The leaderboard for a period and team, with the caller's own rank. */
export function createLeaderboardStore(client: AdvClient, query: LeaderboardQuery = {}): ResourceStore<Leaderboard> {
  return createResourceStore((signal) => client.leaderboard.get(query, { signal }));
}

/** Approved testimonials for a career page (a publishable key is enough). */
export function createTestimonialsStore(
  client: AdvClient,
  query: PublicTestimonialQuery = {},
): ResourceStore<{ items: PublicTestimonial[]; nextCursor: string | null }> {
  return createResourceStore((signal) => client.testimonials.list(query, { signal }));
}

/** The calling employee's profile. */
export function createMeStore(client: AdvClient): ResourceStore<Me> {
  return createResourceStore((signal) => client.me.get({ signal }));
}

/** The programme's figures for a period. */
export function createStatsStore(client: AdvClient, period: Period = 'month'): ResourceStore<Stats> {
  return createResourceStore((signal) => client.stats.get({ period }, { signal }));
}
