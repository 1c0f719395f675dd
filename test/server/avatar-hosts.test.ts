import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LeaderboardSchema, MeSchema, ProblemSchema } from '@advocacy/sdk/contract';
import { addPoints } from '../../packages/server/src/domain/points.js';
import { startTestApi, type TestApi, type TestOrganisation } from '../helpers/api.js';
import { databaseKinds } from '../helpers/databases.js';

const json = (headers: Record<string, string>, body: unknown) => ({ headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

// The server's clock and the date of the points below: a Wednesday at noon UTC, so the week read is the week they count in.
const NOW = new Date('2030-05-15T12:00:00Z');

for (const kind of databaseKinds()) {
  describe(`avatar hosts on ${kind}`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(kind);
      api.setNow(NOW);
    });
    after(() => api.close());

    const patchMe = async (org: TestOrganisation, subject: string, body: unknown) => api.inject({ method: 'PATCH', url: '/v1/me', ...json(await org.employee(subject), body) });
    const getMe = async (org: TestOrganisation, subject: string) => MeSchema.parse((await api.inject({ method: 'GET', url: '/v1/me', headers: await org.employee(subject) })).json());
    const setHosts = async (org: TestOrganisation, avatarHosts: string[]) => {
      const response = await api.inject({ method: 'PATCH', url: '/v1/admin/settings', ...json(await org.admin(), { avatarHosts }) });
      assert.equal(response.statusCode, 200, response.body);
    };
    const refusal = (response: Awaited<ReturnType<typeof patchMe>>) => {
      assert.equal(response.statusCode, 400, response.body);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = ProblemSchema.parse(response.json());
      assert.ok(problem.errors?.some((error) => error.field === 'body.avatarUrl'), JSON.stringify(problem.errors));
      return problem;
    };

    it('refuses every avatar while the programme allows no host, and says to ask the programme admin', async () => {
      const problem = refusal(await patchMe(api.acme, 'face-1', { avatarUrl: 'https://photos.acme.example/me.png' }));
      assert.match(problem.detail ?? '', /no avatar URL: ask the programme admin/);
      assert.equal((await getMe(api.acme, 'face-1')).avatarUrl, null);
    });

    it('accepts an https avatar on an allowed host or its subdomains, and refuses others naming the allowed hosts', async () => {
      await setHosts(api.acme, ['photos.acme.example', 'Images.Example']);
      for (const url of ['https://photos.acme.example/me.png', 'https://eu.photos.acme.example/a/b.jpg?size=64', 'https://images.example:8443/x.png']) {
        const response = await patchMe(api.acme, 'face-2', { avatarUrl: url });
        assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
        assert.equal(MeSchema.parse(response.json()).avatarUrl, url);
      }
      const forged = [
        'https://photos.acme.example.evil.example/me.png',
        'https://evilphotos.acme.example/me.png',
        'https://acme.example/me.png',
        'https://evil.example/photos.acme.example/me.png',
        'https://evil.example/?u=https://photos.acme.example/',
        'https://photos.acme.example@evil.example/me.png',
        'https://photos.acme.example./me.png',
        'http://photos.acme.example/me.png',
        'javascript:alert(1)//photos.acme.example',
        'data:image/png;base64,AAAA',
      ];
      for (const url of forged) {
        const response = await patchMe(api.acme, 'face-2', { avatarUrl: url });
        refusal(response);
        if (url.startsWith('https://evil') || url.includes('evilphotos') || url.startsWith('https://acme')) {
          assert.match(ProblemSchema.parse(response.json()).detail ?? '', /photos\.acme\.example, images\.example/, url);
        }
      }
      assert.equal((await getMe(api.acme, 'face-2')).avatarUrl, 'https://images.example:8443/x.png', 'a refusal changes nothing');
      assert.equal(MeSchema.parse((await patchMe(api.acme, 'face-2', { avatarUrl: null })).json()).avatarUrl, null, 'removing one is always allowed');
    });

    it('shows initials (null) in GET /v1/me and the leaderboard once the host is no longer allowed, and the avatar again if it is', async () => {
      await setHosts(api.acme, ['photos.acme.example']);
      const url = 'https://photos.acme.example/ranked.png';
      const me = MeSchema.parse((await patchMe(api.acme, 'face-3', { avatarUrl: url, leaderboardOptIn: true })).json());
      await api.db.transaction((tx) => addPoints(tx, { organisationId: api.acme.id, employeeId: me.id, at: NOW, points: 5, shares: 1 }));
      const board = async () => {
        const response = await api.inject({ method: 'GET', url: '/v1/leaderboard?period=week', headers: await api.acme.employee('face-3') });
        assert.equal(response.statusCode, 200, response.body);
        return LeaderboardSchema.parse(response.json()).items.find((item) => item.isMe)?.avatarUrl;
      };
      assert.equal(await board(), url);

      await setHosts(api.acme, ['cdn.acme.example']);
      assert.equal((await getMe(api.acme, 'face-3')).avatarUrl, null);
      assert.equal(await board(), null);

      // An avatar written by hand on a forged host, or over http, is never shown either.
      await api.db.query('UPDATE employees SET avatar_url = $2 WHERE id = $1', [me.id, 'https://cdn.acme.example.evil.example/x.png']);
      assert.equal(await board(), null);
      await api.db.query('UPDATE employees SET avatar_url = $2 WHERE id = $1', [me.id, 'http://cdn.acme.example/x.png']);
      assert.equal((await getMe(api.acme, 'face-3')).avatarUrl, null);

      await api.db.query('UPDATE employees SET avatar_url = $2 WHERE id = $1', [me.id, url]);
      await setHosts(api.acme, ['acme.example']);
      assert.equal(await board(), url, 'a parent domain allows its subdomains');
    });

    it('judges each organisation by its own hosts', async () => {
      await setHosts(api.acme, ['photos.acme.example']);
      refusal(await patchMe(api.globex, 'face-4', { avatarUrl: 'https://photos.acme.example/me.png' }));
    });
  });
}
