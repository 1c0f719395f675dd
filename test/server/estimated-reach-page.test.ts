// Issue 15, point 3: "the figure is labelled an estimate and its method is
// linked". GET /demo/estimated-reach serves the method (docs/estimated-reach.md,
// short) in English and French under the demo pages' strict CSP, and the demo
// intranet's <adv-my-impact> and <adv-program-stats> link to it (method-href).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { NETWORK_AUDIENCE_CAPS } from '@advocacy/sdk/contract';
import { DEMO_ORGANISATION, demoExtension, seedDemo } from '@advocacy/demo';
import { buildApp } from '../../packages/server/src/app.js';
import type { Db } from '../../packages/server/src/db/db.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { AUDIENCE_JUMP } from '../../packages/server/src/domain/declared-audience.js';
import { NETWORK_ROWS } from '../../packages/demo/src/routes/estimated-reach-page.js';
import { strictCsp } from '../../packages/demo/src/strict-csp.js';
import { safeUrl } from '../../packages/widgets/src/base/safe-url.js';
import { databaseKinds, openTestDatabase } from '../helpers/databases.js';

const HOST = 'localhost:8787';
const nonceOf = (policy: unknown): string => /'nonce-([^']+)'/.exec(String(policy))?.[1] ?? '';
/** The text a reader sees: tags removed, the few entities the page uses decoded, spaces folded. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \n]+/g, ' ');
const en = new Intl.NumberFormat('en-US');
const fr = new Intl.NumberFormat('fr-FR');

for (const kind of databaseKinds()) {
  describe(`the estimated reach's method page on ${kind}`, () => {
    let db: Db;
    let app: FastifyInstance;
    let behindProxy: FastifyInstance;
    let production: FastifyInstance;
    before(async () => {
      db = await openTestDatabase(kind);
      await migrate(db);
      await seedDemo(db);
      app = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension] });
      behindProxy = await buildApp(db, { version: 'test', demoMode: true, extensions: [demoExtension], publicUrl: 'https://advocacy.northwind.example' });
      production = await buildApp(db, { version: 'test', demoMode: false });
    });
    after(async () => {
      await app?.close();
      await behindProxy?.close();
      await production?.close();
      await db?.close();
    });

    const get = (url: string, on: FastifyInstance = app) => on.inject({ method: 'GET', url, headers: { host: HOST } });

    it('answers 200 in English with the method, the caps from the contract and the programme’s cap per employee, under the strict CSP and no script', async () => {
      const response = await get('/demo/estimated-reach');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const policy = String(response.headers['content-security-policy']);
      assert.equal(policy, strictCsp(nonceOf(policy)), 'the demo pages’ strict policy');
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
      const html = response.body;
      assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i, 'no script, no inline style, no handler');
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<link rel="stylesheet" href="\/demo\/demo.css">/, 'the demo pages’ look');
      assert.match(html, /<h1>How the estimated reach is computed<\/h1>/);
      const text = textOf(html);
      for (const phrase of [
        '“Estimated reach” is an estimate , not a count of people who saw a post.',
        'Readers (credited clicks) are the measured figure; reach is not.',
        'Who shared where.',
        'counts once per network they shared to',
        'A network they never declared counts 0.',
        'One employee adds at most 10,000 to the period’s total',
        'scaled down in proportion',
        'the estimate is an upper bound of the audience, never a count of distinct people',
        'rises by at least 1,000 to more than three times the previous one, or a first figure of 5,000 or more',
      ]) {
        assert.ok(text.includes(phrase), `says: ${phrase}`);
      }
      const rows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="number">([^<]+)<\/td>/g)].map((match) => [match[1], match[2]]);
      assert.equal(rows.length, Object.keys(NETWORK_AUDIENCE_CAPS).length, 'one row per network');
      for (const row of NETWORK_ROWS) assert.ok(rows.some(([name, cap]) => name === row.name.en && cap === en.format(NETWORK_AUDIENCE_CAPS[row.network])), row.network);
      assert.ok(rows.some(([name, cap]) => name === 'LinkedIn' && cap === '30,000'));
    });

    it('answers 200 in French with the same method, numbers written the French way', async () => {
      const response = await get('/demo/estimated-reach?lang=fr');
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /<h1>Comment la portée estimée est calculée<\/h1>/);
      assert.match(html, /<a href="\?lang=en" lang="en" hreflang="en">English<\/a>/, 'the way back to English');
      const text = textOf(html);
      for (const phrase of [
        'est une estimation , pas un décompte des personnes qui ont vu une publication.',
        'Un employé ajoute au plus 10\u202f000 au total de la période',
        'jamais un décompte de personnes distinctes',
        'd’au moins 1\u202f000 pour dépasser le triple du précédent',
      ]) {
        assert.ok(text.includes(phrase), `dit : ${phrase}`);
      }
      assert.match(html, /<tr><th scope="row">LinkedIn<\/th><td class="number">30\u202f000<\/td>/);
      assert.match(html, /<tr><th scope="row">E-mail<\/th><td class="number">500<\/td>/);
      assert.equal(fr.format(30_000), '30\u202f000');
    });

    it('shows the programme’s own cap per employee when an admin changed it', async () => {
      await db.query('UPDATE organisations SET reach_cap_per_employee = 2500 WHERE slug = $1', [DEMO_ORGANISATION.slug]);
      try {
        assert.ok(textOf((await get('/demo/estimated-reach')).body).includes('One employee adds at most 2,500 to the period’s total'));
      } finally {
        await db.query('UPDATE organisations SET reach_cap_per_employee = 10000 WHERE slug = $1', [DEMO_ORGANISATION.slug]);
      }
    });

    it('matches docs/estimated-reach.md: the same caps per network, per employee and for jumps', async () => {
      const docs = await readFile('docs/estimated-reach.md', 'utf8');
      for (const row of NETWORK_ROWS) {
        const cap = en.format(NETWORK_AUDIENCE_CAPS[row.network]).replace(',', '\\,');
        assert.match(docs, new RegExp(`^ *\\| [^|\\n]*\\b${row.name.en}\\b[^|\\n]* \\| ${cap} \\| ${row.why.en.replace(/’/g, "'")} \\|`, 'm'), `${row.network} in the docs' table`);
      }
      assert.match(docs, /`reachCapPerEmployee` \(default 10,000/);
      assert.match(docs, /\*\*at least 1,000\*\* to \*\*more than three times\*\*/);
      assert.match(docs, /\*\*5,000 or\s+more\*\*/);
      // The page's and the docs' jump figures are the ones the server applies.
      assert.deepEqual(AUDIENCE_JUMP, { factor: 3, minRise: 1_000, firstDeclaration: 5_000 });
    });

    it('is linked from the intranet’s reach figures (method-href), in the page’s language, as an absolute address the widgets accept', async () => {
      for (const [url, expected] of [
        ['/demo/intranet', `http://${HOST}/demo/estimated-reach`],
        ['/demo/intranet?lang=fr', `http://${HOST}/demo/estimated-reach?lang=fr`],
      ] as const) {
        const html = (await get(url)).body;
        for (const tag of ['adv-my-impact', 'adv-program-stats']) {
          const element = new RegExp(`<${tag}\\b[^>]*>`).exec(html)?.[0] ?? '';
          assert.ok(element.includes(`method-href="${expected}"`), `${url}: ${element}`);
        }
        assert.equal(safeUrl(expected), expected, 'safeUrl() keeps it, so the widget renders the link');
        const target = await get(new URL(expected).pathname + new URL(expected).search);
        assert.equal(target.statusCode, 200, expected);
        assert.match(target.body, new RegExp(`<html lang="${url.endsWith('fr') ? 'fr' : 'en'}">`));
      }
      const proxied = (await get('/demo/intranet', behindProxy)).body;
      assert.match(proxied, /<adv-program-stats [^>]*method-href="https:\/\/advocacy\.northwind\.example\/demo\/estimated-reach"/, 'the public URL when one is set');
    });

    it('is not served outside demo mode', async () => {
      assert.equal((await get('/demo/estimated-reach', production)).statusCode, 404);
    });
  });
}
