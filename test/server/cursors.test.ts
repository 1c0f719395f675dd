import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cursorCodec, encodeCursor } from '../../packages/server/src/http/cursor.js';
import { HttpProblem } from '../../packages/server/src/http/problem.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { assertClientProblem } from '../helpers/content.js';
import { databaseKinds } from '../helpers/databases.js';

const someId = '3f6c2a1e-8b4d-4c5e-9a7b-1d2e3f4a5b6c';
const someTime = '2026-03-01T10:00:00.123456Z';
const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** Well-formed (base64url of JSON) but not a cursor the API gave out: each must be a 400, never reach SQL. */
const forgedTimeId: [string, string][] = [
  ['NUL characters', encodeCursor(['\u0000', '\u0000'])],
  ['a NUL after a valid time', encodeCursor([`${someTime}\u0000`, someId])],
  ['a NUL inside the id', encodeCursor([someTime, `${someId.slice(0, 10)}\u0000${someId.slice(11)}`])],
  ['numbers where text belongs', encodeCursor([1, 2])],
  ['a time where the id belongs', encodeCursor([someId, someTime])],
  ['year 0000', encodeCursor(['0000-01-01T00:00:00Z', someId])],
  ['an impossible day', encodeCursor(['2026-02-30T00:00:00Z', someId])],
  ['a time without offset', encodeCursor(['2026-03-01T10:00:00', someId])],
  ['one field', encodeCursor([someTime])],
  ['three fields', encodeCursor([someTime, someId, someId])],
  ['an object', base64url(JSON.stringify({ at: someTime, id: someId }))],
  ['null fields', base64url(JSON.stringify([null, null]))],
  ['not JSON', base64url('not json at all')],
  ['an unpaired surrogate', base64url(`["\\ud800", "${someId}"]`)],
];

const forgedLeaderboard: [string, string][] = [
  ['text where the points belong', encodeCursor(['abc', someId])],
  ['a numeric string for the points', encodeCursor(['12', someId])],
  ['NUL characters', encodeCursor(['\u0000', '\u0000'])],
  ['fractional points', encodeCursor([1.5, someId])],
  ['points beyond 2^53', base64url(`[1e300, "${someId}"]`)],
  ['a bad employee id', encodeCursor([10, 'nope'])],
  ['a NUL in the employee id', encodeCursor([10, `${someId}\u0000`])],
  ['one field', encodeCursor([10])],
];

const forgedTrustFlag: [string, string][] = [
  ['a flag other than 0 or 1', encodeCursor([2, someTime, someId])],
  ['a boolean-looking string', encodeCursor(['true', someTime, someId])],
  ['NUL characters', encodeCursor([0, '\u0000', '\u0000'])],
  ['a time-id cursor', encodeCursor([someTime, someId])],
];

describe('cursor codecs', () => {
  it('gives back what it encoded, microseconds and flags included', () => {
    const codec = cursorCodec('flag', 'time', 'uuid', 'integer');
    const position: [boolean, string, string, number] = [true, someTime, someId.toUpperCase(), -42];
    assert.deepEqual(codec.decode(codec.encode(position)), position);
    assert.equal(codec.decode(undefined), undefined);
  });

  it('refuses each field of the wrong kind with invalid-cursor', () => {
    const codec = cursorCodec('time', 'uuid');
    for (const [label, cursor] of forgedTimeId) {
      assert.throws(
        () => codec.decode(cursor),
        (error: unknown) => error instanceof HttpProblem && error.status === 400 && error.slug === 'invalid-cursor',
        label,
      );
    }
  });
});

for (const kind of databaseKinds()) {
  describe(`forged cursors on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    async function expectInvalidCursor(url: string, headers: Record<string, string>, forged: [string, string][]): Promise<void> {
      for (const [label, cursor] of forged) {
        const response = await api.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`, headers });
        const problem = assertClientProblem(response, `${url}: ${label}`, 400);
        assert.match(problem.type, /invalid-cursor$/, `${url}: ${label} → ${response.body}`);
      }
    }

    it('answers invalid-cursor on the share feed and the content library', async () => {
      await expectInvalidCursor('/v1/content', await api.acme.employee('reader'), forgedTimeId);
      await expectInvalidCursor('/v1/content?status=all', await api.acme.admin(), forgedTimeId);
    });

    it('answers invalid-cursor on the leaderboard', async () => {
      await expectInvalidCursor('/v1/leaderboard?period=all', await api.acme.employee('reader'), [...forgedLeaderboard, ['a time-id cursor', encodeCursor([someTime, someId])]]);
    });

    it('answers invalid-cursor on the public testimonials and the moderation queue', async () => {
      await expectInvalidCursor('/v1/testimonials', api.acme.publicPage(), forgedTimeId);
      await expectInvalidCursor('/v1/admin/testimonials', await api.acme.admin(), forgedTimeId);
      await expectInvalidCursor('/v1/admin/testimonials?status=withdrawn', { authorization: `Bearer ${api.acme.secretKey}` }, forgedTimeId);
    });

    it('answers invalid-cursor on the caller’s shares and the trust flags', async () => {
      await expectInvalidCursor('/v1/shares', await api.acme.employee('reader'), forgedTimeId);
      await expectInvalidCursor('/v1/admin/flags', await api.acme.admin(), forgedTrustFlag);
    });

    it('still accepts a well-formed cursor that points past the end', async () => {
      const beyond = encodeCursor(['9999-12-31T23:59:59.999999Z', someId]);
      const response = await api.inject({ method: 'GET', url: `/v1/admin/testimonials?cursor=${beyond}`, headers: await api.acme.admin() });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json(), { items: [], nextCursor: null });
      const leaderboard = await api.inject({ method: 'GET', url: `/v1/leaderboard?cursor=${encodeCursor([0, someId])}`, headers: await api.acme.employee('reader') });
      assert.equal(leaderboard.statusCode, 200, leaderboard.body);
    });
  });
}
