// The README's "In a plain HTML page" recipe, copied from the README itself,
// on a page of another origin (another port, under "localhost"): the
// self-hosted stylesheet and script with the hash from sri.json, the employee
// widgets in a provider whose getToken is set by a later script (the README's
// own /js/advocacy-token.js, calling the page's own /api/advocacy-token, which
// here asks the demo for a token), and the career widget with the demo's
// publishable key. Every widget must be ready, with no failed request and no
// console error.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { recordFailures } from './helpers/page-failures.js';
import { startStack, type Stack } from './helpers/stack.js';
import { widgetStates } from './helpers/widget-states.js';

const README = new URL('../../README.md', import.meta.url);

/** The fenced blocks of one README section, in order. */
async function readmeBlocks(heading: string): Promise<{ lang: string; code: string }[]> {
  const text = await readFile(README, 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `the README has a "${heading}" section`);
  const end = text.indexOf('\n### ', start + heading.length + 2);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, code: match[2]! }));
}

describe('the README’s plain HTML page, on another origin', () => {
  let stack: Stack;
  let browser: Browser;
  let host: Server;
  let hostOrigin: string;
  let page: string;
  let tokenScript: string;

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const sri = JSON.parse(await readFile(new URL('../../packages/widgets/dist/cdn/sri.json', import.meta.url), 'utf8')) as { files: Record<string, string> };
    const blocks = await readmeBlocks('### In a plain HTML page');
    const [cdnPage, tokenJs, selfHosted] = [blocks[0]!, blocks[1]!, blocks[2]!];
    assert.deepEqual([cdnPage.lang, tokenJs.lang, selfHosted.lang], ['html', 'js', 'html']);
    const demo = (await (await fetch(`${stack.url}/v1/demo`)).json()) as { publishableKey: string; employees: { id: string }[] };
    const api = new URL(stack.url).origin;
    // The README's page, with its assets from this server (the README's self-hosted lines), the API's address and the real hash.
    const fromReadme = (html: string): string => html.replaceAll('https://advocacy.example.com', api).replaceAll('sha384-…from sri.json…', sri.files['advocacy.js']!);
    const assets = fromReadme(selfHosted.code);
    const body = fromReadme(cdnPage.code.replace(/<link[^>]*>\s*<script[\s\S]*?<\/script>/, ''));
    page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme intranet</title><link rel="icon" href="data:,">
${assets}
</head>
<body>
${body}
<adv-provider api-url="${api}" publishable-key="${demo.publishableKey}">
  <adv-testimonials layout="carousel"></adv-testimonials>
</adv-provider>
</body>
</html>`;
    tokenScript = tokenJs.code;
    host = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://host').pathname;
      if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      if (path === '/js/advocacy-token.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(tokenScript);
      if (path === '/api/advocacy-token') {
        // The intranet's own endpoint: here, the demo's token for its first employee.
        void fetch(`${stack.url}/v1/demo/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: demo.employees[0]!.id }) })
          .then((answer) => answer.text())
          .then((text) => response.writeHead(200, { 'content-type': 'application/json' }).end(text));
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => host?.close(resolve));
  });

  it('shows every widget, with no failed request and no console error', async () => {
    assert.match(page, /<adv-share-feed/);
    assert.match(page, /integrity="sha384-[A-Za-z0-9+/=]{64}"/);
    const context = await browser.newContext();
    const tab = await context.newPage();
    const failures = recordFailures(tab);
    const apiRequests: string[] = [];
    tab.on('request', (request) => {
      if (request.url().startsWith(stack.url) && request.url().includes('/v1/')) apiRequests.push(`${request.method()} ${new URL(request.url()).pathname} ${request.headers()['authorization'] ? 'with' : 'without'} credential`);
    });
    await tab.goto(hostOrigin);
    const states = await widgetStates(tab);
    assert.deepEqual(states, { 'adv-share-feed': 'ready', 'adv-leaderboard': 'ready', 'adv-testimonials': 'ready', ...(states['adv-share-card'] ? { 'adv-share-card': 'ready' } : {}) });
    assert.ok((await tab.locator('adv-share-feed adv-share-card').count()) > 0, 'the feed shows cards');
    await tab.waitForTimeout(500); // late retries or warnings would show here
    assert.deepEqual(failures, []);
    assert.deepEqual(apiRequests.filter((request) => request.endsWith('without credential') && !request.startsWith('OPTIONS')), [], 'no API request left before its credential');
    await context.close();
  });
});
