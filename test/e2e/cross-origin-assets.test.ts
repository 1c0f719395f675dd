// A page on another origin embeds the kit as the README says: the built
// advocacy.js (the loader, which imports the chunk of each tag on the page) from the running stack with its hash from sri.json and
// crossorigin="anonymous", and a theme stylesheet. The browser must run the
// module and apply the theme with no failed request and no console error —
// which it does only if the stack answers with CORS and the exact bytes the
// build hashed. A tampered hash shows the check is really made.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startStack, type Stack } from './helpers/stack.js';

interface Sri {
  version: string;
  files: Record<string, string>;
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as T;

interface Embed {
  script: string;
  integrity: string;
  stylesheet: string;
}

/** The host page: the kit's two assets and a provider, the one tag that calls no API by itself. */
function hostPage({ script, integrity, stylesheet }: Embed): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Host page on another origin</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${stylesheet}" crossorigin="anonymous">
  <script type="module" src="${script}" integrity="${integrity}" crossorigin="anonymous"></script>
</head>
<body><p>An intranet page.</p><adv-provider></adv-provider></body>
</html>`;
}

interface Visit {
  /** Whether the module ran: the loader defined the page's tag from its chunk. */
  providerDefined: boolean;
  /** A colour from light.css, which auto.css imports: the theme applied. */
  brandColour: string;
  /** Requests that failed or answered an error, and console errors. */
  failures: string[];
  /** `Origin` the browser sent for the script and the ACAO it got back. */
  scriptRequest: { origin: string | undefined; allowOrigin: string | undefined } | undefined;
}

describe('the CDN bundle and a theme embedded in a page on another origin', () => {
  let stack: Stack;
  let browser: Browser;
  let host: Server;
  let hostOrigin: string;
  let sri: Sri;
  let widgetsVersion: string;
  let themesVersion: string;
  /** The page each path of the host server returns. */
  const pages = new Map<string, string>();

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    // Read after the stack started: it builds first when sources changed.
    sri = await readJson<Sri>('../../packages/widgets/dist/cdn/sri.json');
    widgetsVersion = (await readJson<{ version: string }>('../../packages/widgets/package.json')).version;
    themesVersion = (await readJson<{ version: string }>('../../packages/themes/package.json')).version;
    host = createServer((request, response) => {
      const page = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    assert.notEqual(hostOrigin, new URL(stack.url).origin, 'the host page is on another origin than the stack');
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
    await stack?.stop();
  });

  /** Opens the page in a fresh context (an empty cache) and reports what the browser did. */
  async function visit(path: string, embed: Embed): Promise<Visit> {
    pages.set(path, hostPage(embed));
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    let scriptRequest: Visit['scriptRequest'];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => failures.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()}: ${response.url()}`);
      if (response.url() === embed.script) {
        scriptRequest = { origin: response.request().headers()['origin'], allowOrigin: response.headers()['access-control-allow-origin'] };
      }
    });
    // 'load' waits for the stylesheet and its imports, and for the module script to run or fail.
    await page.goto(`${hostOrigin}${path}`, { waitUntil: 'load' });
    // The loader imports the tag's chunk after it runs: wait for it (a refused loader never defines it).
    const providerDefined = await page.waitForFunction(() => customElements.get('adv-provider') !== undefined, undefined, { timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    const brandColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--adv-color-brand').trim());
    await context.close();
    return { providerDefined, brandColour, failures, scriptRequest };
  }

  it('runs the versioned advocacy.js with its SRI hash and applies the versioned theme, with no failure', async () => {
    const script = `${stack.url}/cdn/${widgetsVersion}/advocacy.js`;
    const integrity = sri.files['advocacy.js'];
    assert.ok(integrity, 'sri.json has advocacy.js');
    assert.equal(sri.version, widgetsVersion);
    const result = await visit('/versioned', { script, integrity, stylesheet: `${stack.url}/themes/${themesVersion}/auto.css` });
    assert.deepEqual(result.failures, []);
    assert.equal(result.providerDefined, true, 'the module ran');
    assert.notEqual(result.brandColour, '', 'the theme and the file it imports applied');
    assert.deepEqual(result.scriptRequest, { origin: hostOrigin, allowOrigin: '*' }, 'a CORS request, granted');
  });

  it('runs the unversioned /cdn/advocacy.js with the same hash and applies /themes/auto.css, with no failure', async () => {
    const script = `${stack.url}/cdn/advocacy.js`;
    const result = await visit('/unversioned', { script, integrity: sri.files['advocacy.js'] ?? '', stylesheet: `${stack.url}/themes/auto.css` });
    assert.deepEqual(result.failures, []);
    assert.equal(result.providerDefined, true, 'the module ran');
    assert.notEqual(result.brandColour, '');
    assert.deepEqual(result.scriptRequest, { origin: hostOrigin, allowOrigin: '*' });
  });

  it('refuses the bundle when the hash is not its own (the check above is real)', async () => {
    const otherHash = sri.files['adv-provider.js'];
    assert.ok(otherHash && otherHash !== sri.files['advocacy.js']);
    const result = await visit('/tampered', { script: `${stack.url}/cdn/${widgetsVersion}/advocacy.js`, integrity: otherHash, stylesheet: `${stack.url}/themes/${themesVersion}/auto.css` });
    assert.equal(result.providerDefined, false);
    assert.ok(result.failures.some((failure) => /integrity/i.test(failure)), `an integrity error among ${JSON.stringify(result.failures)}`);
  });
});
