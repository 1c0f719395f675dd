import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ContentSchema, ShareSchema } from '@advocacy/sdk/contract';
import { trackedDestination } from '../../packages/server/src/domain/tracked-destination.js';
import { startTestApi, type TestApi } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const READER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_READER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

for (const kind of databaseKinds()) {
  describe(`tracked links on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
    });
    after(() => api.close());

    /** A share by `subject`, created from the sharer's own device (IP 10.9.9.9, their browser). */
    async function newShare(subject: string, destination = 'https://acme.example/jobs?ref=feed#apply'): Promise<{ code: string; employeeId: string }> {
      const admin = { ...(await api.acme.admin()), 'content-type': 'application/json' };
      const content = ContentSchema.parse(
        (await api.inject({ method: 'POST', url: '/v1/content', headers: admin, payload: JSON.stringify({ title: 'Jobs', url: destination, locale: 'en', campaign: 'spring' }) })).json(),
      );
      const response = await api.inject({
        method: 'POST',
        url: '/v1/shares',
        remoteAddress: '10.9.9.9',
        headers: { ...(await api.acme.employee(subject)), 'content-type': 'application/json', 'user-agent': 'SharerBrowser/1.0 (X11; Linux)' },
        payload: JSON.stringify({ contentId: content.id, network: 'linkedin' }),
      });
      const share = ShareSchema.parse(response.json());
      const { rows } = await api.db.query<{ employee_id: string }>('SELECT employee_id FROM shares WHERE id = $1', [share.id]);
      return { code: share.code, employeeId: rows[0]!.employee_id };
    }

    const follow = (code: string, options: { ua?: string | null; ip?: string; method?: 'GET' | 'HEAD' } = {}) =>
      api.inject({
        method: options.method ?? 'GET',
        url: `/r/${code}`,
        remoteAddress: options.ip ?? '203.0.113.7',
        headers: options.ua === null ? {} : { 'user-agent': options.ua ?? READER },
      });

    async function clicks(code: string): Promise<{ credited: boolean; reason: string | null }[]> {
      await api.app.flushClickRecording();
      const { rows } = await api.db.query<{ credited: boolean; reason: string | null }>(
        'SELECT c.credited, c.reason FROM clicks c JOIN shares s ON s.id = c.share_id WHERE s.code = $1 ORDER BY c.id',
        [code],
      );
      return rows;
    }

    async function clickPoints(employeeId: string): Promise<number> {
      const { rows } = await api.db.query<{ clicks: number }>(`SELECT clicks FROM points WHERE employee_id = $1 AND period_kind = 'all'`, [employeeId]);
      return rows[0]?.clicks ?? 0;
    }

    it('redirects with UTM parameters, no-store and noindex, keeping the path, other parameters and fragment', async () => {
      const { code } = await newShare('utm-1');
      const response = await follow(code);
      assert.equal(response.statusCode, 302);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(String(response.headers['x-robots-tag']), /noindex/);
      const location = new URL(String(response.headers.location));
      assert.equal(location.origin + location.pathname, 'https://acme.example/jobs');
      assert.equal(location.hash, '#apply');
      assert.deepEqual(Object.fromEntries(location.searchParams), {
        ref: 'feed',
        utm_source: 'linkedin',
        utm_medium: 'employee_advocacy',
        utm_campaign: 'spring',
        utm_content: code,
      });
    });

    it('replaces UTM parameters already on the destination, so applying twice equals once', async () => {
      const { code } = await newShare('utm-2', 'https://acme.example/?utm_source=newsletter&utm_medium=email');
      const location = new URL(String((await follow(code)).headers.location));
      assert.equal(location.searchParams.getAll('utm_source').join(), 'linkedin');
      assert.equal(location.searchParams.getAll('utm_medium').join(), 'employee_advocacy');
      const share = { network: 'x', code: 'abc', campaign: null };
      fc.assert(
        fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
          const once = trackedDestination(url, share);
          assert.equal(trackedDestination(once, share), once);
          assert.equal(new URL(once).host, new URL(url).host);
        }),
      );
    });

    it('answers an unknown or malformed code with a 404 page', async () => {
      for (const code of ['ZZZZZZZZZZ', 'short', '..%2F..%2Fetc', 'a'.repeat(64)]) {
        const response = await follow(code);
        assert.equal(response.statusCode, 404);
        assert.match(String(response.headers['content-type']), /text\/html/);
        assert.match(response.body, /does not exist/);
        assert.equal(response.headers.location, undefined);
      }
    });

    it('credits a reader’s first visit of the day only, and moves the sharer’s points', async () => {
      const { code, employeeId } = await newShare('credit-1');
      await follow(code);
      await follow(code);
      await follow(code, { ua: OTHER_READER });
      await follow(code, { ip: '198.51.100.20' });
      assert.deepEqual(await clicks(code), [
        { credited: true, reason: null },
        { credited: false, reason: 'repeat' },
        { credited: true, reason: null },
        { credited: true, reason: null },
      ]);
      assert.equal(await clickPoints(employeeId), 3);
    });

    it('credits the same reader again on the next UTC day', async () => {
      const { code, employeeId } = await newShare('credit-2');
      api.setNow(new Date('2030-03-01T23:59:00Z'));
      try {
        await follow(code);
        await follow(code);
        api.setNow(new Date('2030-03-02T00:01:00Z'));
        await follow(code);
      } finally {
        api.setNow(undefined);
      }
      assert.deepEqual((await clicks(code)).map((click) => click.credited), [true, false, true]);
      assert.equal(await clickPoints(employeeId), 2);
    });

    it('records bots, link-preview fetchers, HEAD, empty user agents and the sharer without credit', async () => {
      const { code, employeeId } = await newShare('uncredited-1');
      const previews = [
        'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
        'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
        'Twitterbot/1.0',
        'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
        'WhatsApp/2.23.20.0',
        'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
        'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5',
        'TelegramBot (like TwitterBot)',
      ];
      for (const ua of previews) await follow(code, { ua });
      await follow(code, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
      await follow(code, { ua: 'curl/8.5.0' });
      await follow(code, { ua: null });
      await follow(code, { ua: '' });
      const head = await follow(code, { method: 'HEAD' });
      assert.equal(head.statusCode, 302);
      const self = await follow(code, { ip: '10.9.9.200', ua: 'SharerBrowser/1.0 (X11; Linux)' });
      assert.equal(self.statusCode, 302, 'the sharer is redirected like anyone');
      const recorded = await clicks(code);
      assert.deepEqual(
        recorded.map((click) => click.reason),
        [...previews.map(() => 'preview'), 'bot', 'bot', 'bot', 'bot', 'head', 'self'],
      );
      assert.ok(recorded.every((click) => !click.credited));
      assert.equal(await clickPoints(employeeId), 0);
    });

    it('never stores a raw IP address', async () => {
      const { code } = await newShare('privacy-1');
      await follow(code, { ip: '192.0.2.123' });
      await api.app.flushClickRecording();
      for (const table of ['clicks', 'click_visitors']) {
        const { rows } = await api.db.query(`SELECT * FROM ${table}`);
        assert.doesNotMatch(JSON.stringify(rows), /192\.0\.2/);
      }
    });

    it('sends every Location to the stored host, whatever the code asked for (property)', async () => {
      const { code } = await newShare('property-1', 'https://careers.acme.example/open');
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 20 }), async (suffix) => {
          const response = await api.inject({ method: 'GET', url: `/r/${code}${encodeURIComponent(suffix)}`, remoteAddress: '203.0.113.50', headers: { 'user-agent': READER } });
          if (response.statusCode === 302) assert.equal(new URL(String(response.headers.location)).host, 'careers.acme.example');
          else assert.equal(response.statusCode, 404);
        }),
        { numRuns: 50 },
      );
    });
  });
}
