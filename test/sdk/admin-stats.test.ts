import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdvHttpError, createClient, type AdvClient } from '@advocacy/sdk';
import { startTestApi, type TestApi } from '../helpers/api.js';

/** A fetch that adds the Origin a browser would send from `origin`. */
const fetchFrom = (origin: string): typeof fetch => (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), origin } });

describe('SDK: the programme dashboard, as JSON and as CSV text', () => {
  let api: TestApi;
  let admin: AdvClient;
  let employee: AdvClient;
  before(async () => {
    api = await startTestApi('pglite');
    const baseUrl = `${await api.app.listen({ port: 0, host: '127.0.0.1' })}/`;
    admin = createClient({ baseUrl, getToken: () => api.acme.token('sdk-admin', { roles: ['advocacy-admin'] }), fetch: fetchFrom(api.acme.intranetOrigin) });
    employee = createClient({ baseUrl, getToken: () => api.acme.token('sdk-employee'), fetch: fetchFrom(api.acme.intranetOrigin) });
  });
  after(() => api.close());

  it('gets the figures and the CSV of the same range at once, each in its own format', async () => {
    const query = { from: '2026-12-28', to: '2027-01-03', groupBy: 'network' } as const;
    // Concurrent identical GETs are shared by the client: the two formats must not be.
    const [figures, csv] = await Promise.all([admin.admin.stats.get(query), admin.admin.stats.csv(query)]);
    assert.deepEqual(figures.range, { from: '2026-12-28', to: '2027-01-03', days: 7 });
    assert.equal(typeof csv, 'string');
    assert.match(csv, /^key,label,shares,credited_readers,/);
    assert.ok(csv.endsWith('\r\n'));
  });

  it('turns a refusal into an AdvHttpError, for the text call too', async () => {
    await assert.rejects(employee.admin.stats.csv({ from: '2026-12-28', to: '2027-01-03' }), (error: unknown) => error instanceof AdvHttpError && error.status === 403);
    await assert.rejects(admin.admin.stats.get({ from: '2027-01-03', to: '2026-12-28' }), (error: unknown) => error instanceof AdvHttpError && error.status === 400);
  });
});
