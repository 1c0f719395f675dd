import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { ContentSchema, LeaderboardSchema, ProblemSchema, type Content, type Problem } from '@advocacy/sdk/contract';
import type { TestApi, TestOrganisation } from './api.js';

/** Inject options for a JSON request. */
export const jsonRequest = (headers: Record<string, string>, body: unknown) => ({
  headers: { ...headers, 'content-type': 'application/json' },
  payload: JSON.stringify(body),
});

/** Creates published content (through the API, as an admin) on the organisation's own domain. */
export async function createContent(api: TestApi, overrides: Record<string, unknown> = {}, org: TestOrganisation = api.acme): Promise<Content> {
  const response = await api.inject({
    method: 'POST',
    url: '/v1/content',
    ...jsonRequest(await org.admin(), {
      title: 'We are hiring engineers',
      url: `https://${org.domain}/careers`,
      locale: 'en',
      tags: ['careers'],
      campaign: 'spring-hiring',
      suggestedTexts: { x: { en: 'We are hiring!', fr: 'On recrute !' }, linkedin: { en: 'Join us.' } },
      ...overrides,
    }),
  });
  assert.equal(response.statusCode, 201, response.body);
  return ContentSchema.parse(response.json());
}

/** What "my impact" shows an employee: all-time points and shares, from the leaderboard's `me`. */
export async function myTotals(api: TestApi, headers: Record<string, string>): Promise<{ points: number; shares: number }> {
  const response = await api.inject({ method: 'GET', url: '/v1/leaderboard?period=all', headers });
  assert.equal(response.statusCode, 200, response.body);
  const { me } = LeaderboardSchema.parse(response.json());
  return { points: me.points, shares: me.shares };
}

/** Asserts a client error: a 4xx `application/problem+json` body (never a 500). */
export function assertClientProblem(response: LightMyRequestResponse, label: string, status?: number): Problem {
  assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${label} → ${response.statusCode} ${response.body}`);
  if (status !== undefined) assert.equal(response.statusCode, status, `${label} → ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, label);
  return ProblemSchema.parse(response.json());
}
