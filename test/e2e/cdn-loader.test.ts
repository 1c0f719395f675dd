// The code-split CDN build as a page on another origin meets it: the import map the build prints
// (every chunk pinned by its sha384) and advocacy.js (the loader) from the running stack. A page with only
// <adv-testimonials> fetches the core and that widget's chunk and no other widget's, and no
// hydration chunk; a chunk whose bytes do not match the pinned hash is refused, and its widget shows
// the error state and emits adv-error, while the rest of the page works. In Chromium and Firefox ESR.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { describeInEachEngine, type Driver } from './helpers/driver.js';
import { startStack, type Stack } from './helpers/stack.js';

interface Sri {
  version: string;
  files: Record<string, string>;
}
interface ChunkManifest {
  core: string;
  hydrate: string;
  widgets: Record<string, string>;
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as T;

describe('the CDN loader and its chunks, pinned by an import map, on another origin', () => {
  let stack: Stack;
  let host: Server;
  let hostOrigin: string;
  let sri: Sri;
  let manifest: ChunkManifest;
  let publishableKey: string;
  let cdn: string;
  const pages = new Map<string, string>();

  before(async () => {
    stack = await startStack();
    // Read after the stack started: it builds first when sources changed.
    sri = await readJson<Sri>('../../packages/widgets/dist/cdn/sri.json');
    manifest = await readJson<ChunkManifest>('../../packages/widgets/dist/cdn/chunks/manifest.json');
    cdn = `${stack.url}/cdn/${sri.version}/`;
    publishableKey = ((await (await fetch(`${stack.url}/v1/demo`)).json()) as { publishableKey: string }).publishableKey;
    host = createServer((request, response) => {
      const page = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
    await stack?.stop();
  });

  /** The import map as the build prints it, for this stack's versioned /cdn/ (a hash replaced where `tamper` says). */
  function importMap(tamper: Record<string, string> = {}): string {
    const integrity = Object.fromEntries(
      Object.entries(sri.files)
        .filter(([file]) => file.startsWith('chunks/') || file === 'advocacy.js')
        .map(([file, hash]) => [cdn + file, tamper[file] ?? hash]),
    );
    return JSON.stringify({ integrity });
  }

  function testimonialsPage(map: string): string {
    return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Careers on another origin</title>
  <link rel="icon" href="data:,">
  <script type="importmap">${map}</script>
  <script type="module">
    window.advErrors = [];
    document.addEventListener('adv-error', (event) => window.advErrors.push(event.target.localName));
    const { configure } = await import('${cdn}advocacy.js');
    configure({ apiUrl: '${stack.url}', publishableKey: '${publishableKey}' });
  </script>
</head>
<body><main><h1>Life at Acme</h1><adv-testimonials></adv-testimonials></main></body>
</html>`;
  }

  /** What the page's testimonials widget shows once out of loading: `ready`, `empty` or `error: <its message>`. */
  async function visit(driver: Driver, path: string, html: string): Promise<{ state: string; chunks: string[]; failures: readonly string[]; advErrors: string[] }> {
    pages.set(path, html);
    const page = await driver.newPage();
    try {
      await page.goto(`${hostOrigin}${path}`);
      await page.waitFor(() => document.querySelector('adv-testimonials')?.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false', undefined, 20_000);
      const { state, advErrors } = await page.evaluate(() => {
        const root = document.querySelector('adv-testimonials')!.shadowRoot!;
        const error = root.querySelector('[part~="error"]');
        return {
          state: error ? `error: ${error.textContent!.replace(/\s+/g, ' ').trim()}` : root.querySelector('[part~="empty"]') ? 'empty' : 'ready',
          advErrors: (window as unknown as { advErrors: string[] }).advErrors,
        };
      });
      const chunks = page.requests.map((request) => request.replace(/^\w+ /, '')).filter((url) => url.startsWith(`${cdn}chunks/`)).map((url) => url.slice(cdn.length));
      return { state, chunks, failures: [...page.failures], advErrors };
    } finally {
      await page.close();
    }
  }

  describeInEachEngine({ offlineHosts: [] }, (driver, engine) => {
    it("fetches the core and the testimonials' chunk, no other widget's and no hydration chunk, and shows the testimonials", async () => {
      const result = await visit(driver(), `/testimonials-${engine.name.length}`, testimonialsPage(importMap()));
      assert.deepEqual(result.failures, []);
      assert.equal(result.state, 'ready');
      assert.ok(result.chunks.includes(manifest.core), `the core among ${result.chunks.join(', ')}`);
      assert.ok(result.chunks.includes(manifest.widgets['adv-testimonials']!));
      const otherWidgets = Object.entries(manifest.widgets).filter(([tag]) => tag !== 'adv-testimonials').map(([, file]) => file);
      assert.deepEqual(result.chunks.filter((file) => otherWidgets.includes(file) || file === manifest.hydrate), []);
      assert.deepEqual(result.advErrors, []);
    });

    it('refuses a chunk whose bytes do not match the pinned hash: that widget shows its error state and emits adv-error', async () => {
      const chunk = manifest.widgets['adv-testimonials']!;
      const wrongHash = sri.files[manifest.core];
      assert.ok(wrongHash && wrongHash !== sri.files[chunk]);
      const result = await visit(driver(), `/tampered-${engine.name.length}`, testimonialsPage(importMap({ [chunk]: wrongHash })));
      assert.match(result.state, /^error: This part of the page could not be loaded\. Reload the page/);
      assert.deepEqual(result.advErrors, ['adv-testimonials']);
      assert.ok(result.failures.some((failure) => /adv-testimonials/i.test(failure)), `the refusal is reported: ${JSON.stringify(result.failures)}`);
    });
  });
});
