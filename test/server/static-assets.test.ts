// The widget bundles and themes as pages on other origins load them: CORS and
// CORP on every answer, caching by URL kind (revalidated with an ETag, or
// immutable when versioned or content-hashed), the build's .br or .gz sibling
// to a client that accepts it (Vary: Accept-Encoding), decoded bytes exactly as
// built (so Subresource Integrity holds), and nothing outside the folders.
// Static files do not touch the database, so this suite runs on PGlite only.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { openTestDatabase } from '../helpers/databases.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const WIDGETS_VERSION = '3.4.5';
const THEMES_VERSION = '7.8.9-rc.1';
const OTHER_ORIGIN = 'http://127.0.0.1:9000';

/** What a build's sri.json says for a file: sha384 of its bytes, base64. */
const integrityOf = (bytes: Uint8Array): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** A bundle-like file: non-ASCII text, CRLF, and more than one read buffer (64 KiB) of data, so any re-encoding shows. */
function bundleBytes(name: string): Buffer {
  const filler = randomBytes(96 * 1024).toString('base64');
  return Buffer.from(`// ${name} — “é” ✓\r\nexport const filler = '${filler}';\n//# sourceMappingURL=${name}.map\n`, 'utf8');
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as written (no URL normalisation), as an attacker's client would. */
function rawGet(port: number, path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** What the client reads after undoing the answer's Content-Encoding. */
function decoded(response: LightMyRequestResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.rawPayload);
  if (encoding === 'gzip') return gunzipSync(response.rawPayload);
  assert.equal(encoding, undefined, `an encoding this test knows: ${String(encoding)}`);
  return response.rawPayload;
}

function assertVariesOnEncoding(response: { headers: Record<string, unknown> }, what: string): void {
  assert.ok(String(response.headers['vary'] ?? '').split(/,\s*/).some((name) => name.toLowerCase() === 'accept-encoding'), `${what}: Vary: Accept-Encoding`);
}

function assertCrossOrigin(response: { headers: Record<string, unknown> }, what: string): void {
  assert.equal(response.headers['access-control-allow-origin'], '*', `${what}: Access-Control-Allow-Origin`);
  assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', `${what}: Cross-Origin-Resource-Policy`);
  assert.equal(response.headers['access-control-allow-credentials'], undefined, `${what}: never credentials`);
  assert.doesNotMatch(String(response.headers['vary'] ?? ''), /origin/i, `${what}: the same answer for every origin`);
}

describe('the widget bundles and themes, loaded from another origin', () => {
  let db: Db;
  let app: FastifyInstance;
  let port: number;
  let dir: string;
  /** The files as written, by URL path without the version. */
  const files = new Map<string, Buffer>();
  const secrets = { packageJson: '', npmBuild: '', outside: '' };

  const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'GET', url, headers: { origin: OTHER_ORIGIN, ...headers } });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'adv-static-assets-'));
    // The layout of the repository: the CDN folder inside the widgets package, the themes package its own folder.
    const cdn = join(dir, 'widgets/dist/cdn');
    const themes = join(dir, 'themes');
    const demo = join(dir, 'demo');
    await Promise.all([mkdir(cdn, { recursive: true }), mkdir(themes), mkdir(demo)]);
    secrets.packageJson = `package-${randomBytes(8).toString('hex')}`;
    secrets.npmBuild = `npm-build-${randomBytes(8).toString('hex')}`;
    secrets.outside = `outside-${randomBytes(8).toString('hex')}`;
    await writeFile(join(dir, 'widgets/package.json'), JSON.stringify({ name: '@advocacy/widgets', version: WIDGETS_VERSION, description: secrets.packageJson }));
    await writeFile(join(dir, 'widgets/dist/cdn.js'), `export const marker = '${secrets.npmBuild}';\n`);
    await writeFile(join(dir, 'secret.txt'), secrets.outside);
    await writeFile(join(themes, 'package.json'), JSON.stringify({ name: '@advocacy/themes', version: THEMES_VERSION }));

    for (const name of ['advocacy.js', 'adv-share-card.js', 'adv-testimonial-form.js', 'advocacy-hydrate.js', 'chunk-B4x9_zQa1.js', 'chunk-3f9a0c1d7e.js']) {
      files.set(`/cdn/${name}`, bundleBytes(name));
      files.set(`/cdn/${name}.map`, Buffer.from(JSON.stringify({ version: 3, file: name, sources: [], mappings: '' })));
    }
    files.set('/cdn/adv-provider.js', bundleBytes('adv-provider.js'));
    files.set('/cdn/sri.json', Buffer.from('{"version":"3.4.5","files":{}}\n'));
    files.set('/cdn/.env', Buffer.from('SECRET=1\n'));
    files.set('/themes/auto.css', Buffer.from("@import url('./light.css');\n"));
    files.set('/themes/light.css', Buffer.from(':root { --adv-color-brand: #0b5cad; content: "é"; }\r\n'));
    files.set('/themes/brand-3F9a0c1D.css', Buffer.from(':root { --adv-color-brand: #123456; }\n'));
    const fileOf = (path: string): string => join(path.startsWith('/cdn/') ? cdn : themes, path.replace(/^\/\w+\//, ''));
    for (const [path, bytes] of files) await writeFile(fileOf(path), bytes);
    // The siblings scripts/precompress.mjs writes; adv-share-card.js and the others have none.
    for (const path of ['/cdn/advocacy.js', '/cdn/advocacy.js.map', '/cdn/chunk-B4x9_zQa1.js', '/cdn/sri.json', '/themes/light.css']) {
      const bytes = files.get(path)!;
      await writeFile(`${fileOf(path)}.br`, brotliCompressSync(bytes));
      await writeFile(`${fileOf(path)}.gz`, gzipSync(bytes, { level: 9 }));
    }
    await writeFile(join(demo, 'index.html'), '<!doctype html><title>Demo</title>');

    db = await openTestDatabase('pglite');
    app = await buildApp(db, {
      version: 'test',
      demoMode: true,
      staticSites: [
        { prefix: '/demo/', root: demo, label: 'Demo pages', description: 'The demo pages.' },
        { prefix: '/cdn/', root: cdn, entry: 'advocacy.js', label: 'Widget bundle', description: 'Every widget.' },
        { prefix: '/themes/', root: themes, entry: 'light.css', label: 'Themes', description: 'The themes.' },
      ],
    });
    port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
  });
  after(async () => {
    await app?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves advocacy.js to any origin, revalidated with an ETag, brotli-encoded; decoded, the bytes on disk, so its SRI hash holds', async () => {
    const written = files.get('/cdn/advocacy.js')!;
    const response = await get('/cdn/advocacy.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(response.statusCode, 200);
    assertCrossOrigin(response, 'GET');
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(String(response.headers['etag']), /^(W\/)?"[^"]+"$/);
    assert.match(String(response.headers['content-type']), /^(text|application)\/javascript/);
    // The browser checks the integrity of the decoded body, not of the bytes on the wire.
    assert.equal(response.headers['content-encoding'], 'br');
    assertVariesOnEncoding(response, 'GET');
    assert.equal(Number(response.headers['content-length']), response.rawPayload.length);
    assert.ok(response.rawPayload.length < written.length, 'fewer bytes sent than on disk');
    assert.ok(decoded(response).equals(written), 'decoded, the bytes on disk');
    assert.equal(integrityOf(decoded(response)), integrityOf(written));
    const plain = await get('/cdn/advocacy.js');
    assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding, no encoding');
    assert.ok(plain.rawPayload.equals(written), 'the bytes on disk');
    assert.equal(Number(plain.headers['content-length']), written.length);
  });

  it("sends the encoding the client prefers among the siblings there are, and the file itself when it accepts none", async () => {
    const written = files.get('/cdn/advocacy.js')!;
    const cases: [string | undefined, string | undefined][] = [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.1', 'gzip'],
      ['deflate', undefined],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const what = `Accept-Encoding: ${accept ?? '(none)'}`;
      const response = await get('/cdn/advocacy.js', accept === undefined ? {} : { 'accept-encoding': accept });
      assert.equal(response.statusCode, 200, what);
      assert.equal(response.headers['content-encoding'], expected, what);
      assertVariesOnEncoding(response, what);
      assertCrossOrigin(response, what);
      assert.equal(response.headers['cache-control'], 'no-cache', what);
      assert.match(String(response.headers['content-type']), /^(text|application)\/javascript/, what);
      assert.equal(Number(response.headers['content-length']), response.rawPayload.length, what);
      assert.ok(decoded(response).equals(written), `${what}: decoded, the bytes on disk`);
    }
  });

  it('answers HEAD with the headers GET has for the same Accept-Encoding', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const get_ = await get('/cdn/advocacy.js', { 'accept-encoding': accept });
      const head = await app.inject({ method: 'HEAD', url: '/cdn/advocacy.js', headers: { origin: OTHER_ORIGIN, 'accept-encoding': accept } });
      assert.equal(head.statusCode, 200, accept);
      assertCrossOrigin(head, `HEAD ${accept}`);
      for (const name of ['cache-control', 'etag', 'content-type', 'content-length', 'content-encoding', 'vary']) assert.equal(head.headers[name], get_.headers[name], `${accept}: ${name}`);
      assert.equal(head.rawPayload.length, 0);
    }
  });

  it("gives each encoding its own ETag, and a 304 only for the encoding the client would get, so no cache is handed another's body", async () => {
    const etagOf = async (accept: string): Promise<string> => String((await get('/cdn/advocacy.js', { 'accept-encoding': accept })).headers['etag']);
    const etags = { br: await etagOf('br'), gzip: await etagOf('gzip'), identity: await etagOf('identity') };
    assert.equal(new Set(Object.values(etags)).size, 3, `three ETags: ${JSON.stringify(etags)}`);
    for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      for (const [variant, etag] of Object.entries(etags)) {
        const what = `Accept-Encoding: ${accept}, If-None-Match: the ${variant} ETag`;
        const response = await get('/cdn/advocacy.js', { 'accept-encoding': accept, 'if-none-match': etag });
        assert.equal(response.statusCode, variant === accept ? 304 : 200, what);
        assertVariesOnEncoding(response, what);
        assertCrossOrigin(response, what);
        if (response.statusCode === 304) {
          assert.equal(response.headers['etag'], etag, what);
          assert.equal(response.rawPayload.length, 0, what);
        } else {
          assert.equal(response.headers['content-encoding'], encoding, what);
          assert.equal(response.headers['etag'], etags[accept], what);
          assert.ok(decoded(response).equals(files.get('/cdn/advocacy.js')!), what);
        }
      }
    }
    // A shared cache holding several variants asks with all their ETags; the 304 names the one to send.
    const shared = await get('/cdn/advocacy.js', { 'accept-encoding': 'gzip', 'if-none-match': `${etags.br}, ${etags.gzip}` });
    assert.equal(shared.statusCode, 304);
    assert.equal(shared.headers['etag'], etags.gzip);
  });

  it('keeps the caching by URL kind on compressed answers: immutable when versioned or content-hashed, revalidated otherwise', async () => {
    const cases: [string, string][] = [
      ['/cdn/advocacy.js', 'no-cache'],
      ['/cdn/advocacy.js.map', 'no-cache'],
      ['/cdn/sri.json', 'no-cache'],
      ['/cdn/chunk-B4x9_zQa1.js', IMMUTABLE],
      [`/cdn/${WIDGETS_VERSION}/advocacy.js`, IMMUTABLE],
      [`/cdn/${WIDGETS_VERSION}/sri.json`, IMMUTABLE],
      ['/themes/light.css', 'no-cache'],
      [`/themes/${THEMES_VERSION}/light.css`, IMMUTABLE],
    ];
    for (const [url, cacheControl] of cases) {
      for (const accept of ['br', 'gzip']) {
        const what = `${url} (${accept})`;
        const response = await get(url, { 'accept-encoding': accept });
        assert.equal(response.statusCode, 200, what);
        assert.equal(response.headers['content-encoding'], accept, what);
        assert.equal(response.headers['cache-control'], cacheControl, what);
        assertCrossOrigin(response, what);
        assertVariesOnEncoding(response, what);
        const file = files.get(url.replace(`/${WIDGETS_VERSION}/`, '/').replace(`/${THEMES_VERSION}/`, '/'))!;
        assert.ok(decoded(response).equals(file), `${what}: decoded, the bytes on disk`);
        const revalidated = await get(url, { 'accept-encoding': accept, 'if-none-match': String(response.headers['etag']) });
        assert.equal(revalidated.statusCode, 304, `304 ${what}`);
        assert.equal(revalidated.headers['cache-control'], cacheControl, `304 ${what}`);
        assertCrossOrigin(revalidated, `304 ${what}`);
      }
    }
    const css = await get('/themes/light.css', { 'accept-encoding': 'br' });
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });

  it('sends a file with no compressed sibling as it is, still varying on Accept-Encoding', async () => {
    const written = files.get('/cdn/adv-share-card.js')!;
    const response = await get('/cdn/adv-share-card.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], undefined);
    assertVariesOnEncoding(response, 'no sibling');
    assert.ok(response.rawPayload.equals(written));
    assert.equal(integrityOf(response.rawPayload), integrityOf(written));
  });

  it('sends a sibling asked for by name as the file it is: the compressed bytes, with no Content-Encoding', async () => {
    const onDisk = brotliCompressSync(files.get('/cdn/advocacy.js')!);
    const response = await get('/cdn/advocacy.js.br', { 'accept-encoding': 'gzip, br' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-encoding'], undefined, 'not decoded on the way: the client asked for the .br file');
    assert.ok(response.rawPayload.equals(onDisk));
    assert.equal(response.headers['cache-control'], 'no-cache');
    assertCrossOrigin(response, 'advocacy.js.br');
    assert.equal((await get('/cdn/chunk-B4x9_zQa1.js.gz')).headers['cache-control'], IMMUTABLE, 'as hashed as the file it encodes');
    assert.equal((await get('/cdn/adv-share-card.js.br', { 'accept-encoding': 'br' })).statusCode, 404, 'no sibling, nothing to send');
  });

  it('answers HEAD with the same headers and no body', async () => {
    const get_ = await get('/cdn/advocacy.js');
    const head = await app.inject({ method: 'HEAD', url: '/cdn/advocacy.js', headers: { origin: OTHER_ORIGIN } });
    assert.equal(head.statusCode, 200);
    assertCrossOrigin(head, 'HEAD');
    for (const name of ['cache-control', 'etag', 'content-type', 'content-length']) assert.equal(head.headers[name], get_.headers[name], name);
    assert.equal(head.rawPayload.length, 0);
  });

  it('answers a conditional GET with its ETag by 304, still with CORS and no-cache', async () => {
    const { headers } = await get('/cdn/advocacy.js');
    const revalidated = await get('/cdn/advocacy.js', { 'if-none-match': String(headers['etag']) });
    assert.equal(revalidated.statusCode, 304);
    assertCrossOrigin(revalidated, '304');
    assert.equal(revalidated.headers['cache-control'], 'no-cache');
    assert.equal(revalidated.headers['etag'], headers['etag']);
    assert.equal(revalidated.rawPayload.length, 0);
    const headRevalidated = await app.inject({ method: 'HEAD', url: '/cdn/advocacy.js', headers: { 'if-none-match': String(headers['etag']) } });
    assert.equal(headRevalidated.statusCode, 304);
    assertCrossOrigin(headRevalidated, 'HEAD 304');
  });

  it('sends the new bytes to a browser revalidating an unversioned file after a rebuild', async () => {
    const before_ = await get('/cdn/adv-provider.js');
    const rebuilt = bundleBytes('adv-provider.js (rebuilt)');
    await writeFile(join(dir, 'widgets/dist/cdn/adv-provider.js'), rebuilt);
    const after_ = await get('/cdn/adv-provider.js', { 'if-none-match': String(before_.headers['etag']) });
    assert.equal(after_.statusCode, 200);
    assert.notEqual(after_.headers['etag'], before_.headers['etag']);
    assert.equal(integrityOf(after_.rawPayload), integrityOf(rebuilt));
  });

  it('serves every CDN file under /cdn/<widgets version>/ too, immutable, with the same bytes, on GET, HEAD and 304', async () => {
    for (const name of ['advocacy.js', 'advocacy.js.map', 'adv-share-card.js', 'sri.json']) {
      const written = files.get(`/cdn/${name}`)!;
      const url = `/cdn/${WIDGETS_VERSION}/${name}`;
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assertCrossOrigin(response, url);
      assert.equal(response.headers['cache-control'], IMMUTABLE, url);
      assert.equal(integrityOf(response.rawPayload), integrityOf(written), url);
      const head = await app.inject({ method: 'HEAD', url });
      assert.equal(head.headers['cache-control'], IMMUTABLE, `HEAD ${url}`);
      assertCrossOrigin(head, `HEAD ${url}`);
      const revalidated = await get(url, { 'if-none-match': String(response.headers['etag']) });
      assert.equal(revalidated.statusCode, 304, url);
      assert.equal(revalidated.headers['cache-control'], IMMUTABLE, `304 ${url}`);
      assertCrossOrigin(revalidated, `304 ${url}`);
    }
    assert.equal((await get('/cdn/0.0.1/advocacy.js')).statusCode, 404, 'another version is not this one');
  });

  it('makes content-hashed names immutable, and their source maps, but not names that are only words', async () => {
    const cacheControl = async (url: string): Promise<unknown> => {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      return response.headers['cache-control'];
    };
    for (const url of ['/cdn/chunk-B4x9_zQa1.js', '/cdn/chunk-B4x9_zQa1.js.map', '/cdn/chunk-3f9a0c1d7e.js', '/themes/brand-3F9a0c1D.css']) {
      assert.equal(await cacheControl(url), IMMUTABLE, url);
    }
    for (const url of ['/cdn/advocacy.js.map', '/cdn/adv-share-card.js', '/cdn/adv-testimonial-form.js', '/cdn/advocacy-hydrate.js', '/cdn/adv-testimonial-form.js.map', '/cdn/sri.json']) {
      assert.equal(await cacheControl(url), 'no-cache', url);
    }
  });

  it('serves the themes the same way: /themes/*.css revalidated, /themes/<themes version>/ immutable', async () => {
    const plain = await get('/themes/auto.css');
    assert.equal(plain.statusCode, 200);
    assertCrossOrigin(plain, '/themes/auto.css');
    assert.match(String(plain.headers['content-type']), /^text\/css/);
    assert.equal(plain.headers['cache-control'], 'no-cache');
    const revalidated = await get('/themes/auto.css', { 'if-none-match': String(plain.headers['etag']) });
    assert.equal(revalidated.statusCode, 304);
    assertCrossOrigin(revalidated, '304 /themes/auto.css');
    // auto.css imports ./light.css: relative to the versioned URL, it stays versioned.
    const versioned = await get(`/themes/${THEMES_VERSION}/light.css`);
    assert.equal(versioned.statusCode, 200);
    assertCrossOrigin(versioned, 'versioned theme');
    assert.equal(versioned.headers['cache-control'], IMMUTABLE);
    assert.ok(versioned.rawPayload.equals(files.get('/themes/light.css')!));
    assert.equal((await get(`/themes/${WIDGETS_VERSION}/light.css`)).statusCode, 404, 'the widgets version is not the themes version');
  });

  it('answers a CORS preflight for any origin with GET and HEAD only, and no credentials', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/cdn/advocacy.js',
      headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-custom' },
    });
    assert.equal(preflight.statusCode, 204);
    assertCrossOrigin(preflight, 'preflight');
    assert.deepEqual(String(preflight.headers['access-control-allow-methods']).split(/,\s*/).sort(), ['GET', 'HEAD']);
    assert.ok(preflight.headers['access-control-allow-headers'], 'allows the requested headers');
    const themes = await app.inject({ method: 'OPTIONS', url: `/themes/${THEMES_VERSION}/auto.css`, headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'GET' } });
    assert.equal(themes.statusCode, 204);
    assertCrossOrigin(themes, 'themes preflight');
  });

  it('answers an unknown file with a plain 404 problem: no cache promise, no path, nothing but the public CORS headers', async () => {
    for (const url of ['/cdn/nothing.js', `/cdn/${WIDGETS_VERSION}/nothing-B4x9_zQa1.js`, '/themes/nothing.css']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/, url);
      assertCrossOrigin(response, url);
      assert.doesNotMatch(String(response.headers['cache-control'] ?? ''), /immutable|max-age=[1-9]/, `${url}: a 404 is not cached for a year`);
      assert.equal(response.headers['etag'], undefined, url);
      assert.ok(!response.body.includes(dir), `${url}: the folder stays private`);
    }
    const dotfile = await get('/cdn/.env');
    assert.notEqual(dotfile.statusCode, 200);
    assert.doesNotMatch(dotfile.body, /SECRET/);
  });

  it('refuses every path out of the folders, spelled plainly or encoded', async () => {
    const attempts = [
      '/cdn/../package.json',
      '/cdn/../../package.json',
      '/cdn/../cdn.js',
      '/cdn/..%2f..%2fpackage.json',
      '/cdn/%2e%2e/%2e%2e/package.json',
      '/cdn/%2e%2e%2f%2e%2e%2fpackage.json',
      '/cdn/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/cdn/..%5c..%5cpackage.json',
      '/cdn/%252e%252e%252f%252e%252e%252fpackage.json',
      '/cdn/....//....//package.json',
      `/cdn/${WIDGETS_VERSION}/../../package.json`,
      `/cdn/${WIDGETS_VERSION}/..%2f..%2f..%2fsecret.txt`,
      '/cdn/../../../secret.txt',
      '/themes/../secret.txt',
      '/themes/%2e%2e/secret.txt',
      `/themes/${THEMES_VERSION}/%2e%2e%2f%2e%2e%2fsecret.txt`,
      '/cdn//etc/passwd',
      '/cdn/%2fetc%2fpasswd',
    ];
    for (const path of attempts) {
      const answer = await rawGet(port, path);
      assert.ok([400, 403, 404].includes(answer.status), `${path}: ${answer.status}`);
      for (const secret of Object.values(secrets)) assert.ok(!answer.body.includes(secret), `${path} leaks a file outside the folder`);
      assert.doesNotMatch(answer.body, /root:x:0:0/, path);
    }
  });

  it('leaves the other sites and the API as they were: same-origin, no CORS of their own', async () => {
    const demo = await get('/demo/index.html');
    assert.equal(demo.statusCode, 200);
    assert.equal(demo.headers['access-control-allow-origin'], undefined);
    assert.equal(demo.headers['cross-origin-resource-policy'], undefined);
    const demoPreflight = await app.inject({ method: 'OPTIONS', url: '/demo/index.html', headers: { origin: OTHER_ORIGIN, 'access-control-request-method': 'GET' } });
    assert.equal(demoPreflight.headers['access-control-allow-origin'], undefined);
    for (const url of ['/healthz', '/v1/openapi.json', '/']) {
      const response = await get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['access-control-allow-origin'], undefined, `${url}: an origin the API does not know gets no CORS`);
      assert.equal(response.headers['cross-origin-resource-policy'], undefined, url);
    }
  });
});
