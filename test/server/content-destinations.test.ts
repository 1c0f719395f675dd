import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkDestination, isAllowedHost } from '../../packages/server/src/domain/destinations.js';
import { HttpProblem } from '../../packages/server/src/http/problem.js';

const allowed = ['acme.example'];

describe('content destinations', () => {
  const refused = [
    '//evil.example',
    '/\\evil.example',
    'https:evil.example',
    '%2F%2Fevil.example',
    'https://acme.example@evil.example',
    'https://user:pass@acme.example/',
    'https://acme.example.evil.example/',
    'https://evilacme.example/',
    'https://аcme.example/', // Cyrillic а
    'https://acme.exampIe/', // capital I for l
    'https://xn--cme-8cd.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://acme.example/',
    'https://acme.example:8443/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'ftp://acme.example/',
    '',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      assert.throws(() => checkDestination(url, allowed), (error: unknown) => error instanceof HttpProblem && error.status === 422);
    });
  }

  it('accepts the domain and its subdomains, normalised', () => {
    assert.equal(checkDestination('https://ACME.example/Blog/../careers?x=1#top', allowed), 'https://acme.example/careers?x=1#top');
    assert.equal(checkDestination('https://jobs.acme.example', allowed), 'https://jobs.acme.example/');
    assert.equal(checkDestination('https://acme.example:443/a', allowed), 'https://acme.example/a');
  });

  it('accepts an IDN domain only when it is the allowed one, compared as punycode', () => {
    assert.equal(checkDestination('https://bücher.example/neu', ['bücher.example']), 'https://xn--bcher-kva.example/neu');
    assert.equal(checkDestination('https://shop.xn--bcher-kva.example/', ['bücher.example']), 'https://shop.xn--bcher-kva.example/');
    assert.throws(() => checkDestination('https://bucher.example/', ['bücher.example']), HttpProblem);
    assert.throws(() => checkDestination('https://bücher.example/', ['bucher.example']), HttpProblem);
  });

  it('accepts only https URLs on an allowed host, however the pieces are put together (property)', () => {
    const isOnAcme = (host: string) => host === 'acme.example' || host.endsWith('.acme.example');
    const candidate = fc
      .tuple(
        fc.constantFrom('https://', 'http://', '//', 'https:', '/\\', 'HTTPS://', 'https:/', ' https://', 'javascript://', ''),
        fc.constantFrom('', 'user@', 'acme.example@', 'user:pass@'),
        fc.constantFrom('acme.example', 'jobs.acme.example', 'evil.example', 'аcme.example', 'acme.example.evil.example', 'evilacme.example', 'ACME.EXAMPLE', 'acme.example.', '127.0.0.1', '[::1]', 'xn--cme-8cd.example'),
        fc.constantFrom('', ':443', ':8443', ':0', '#@evil.example', '\\@evil.example', '%2F@evil.example', '?@evil.example'),
        fc.webPath(),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(candidate, fc.webUrl({ withQueryParameters: true, withFragments: true })), (value) => {
        let accepted: string;
        try {
          accepted = checkDestination(value, allowed);
        } catch (error) {
          assert.ok(error instanceof HttpProblem && error.status === 422, String(error));
          return;
        }
        const url = new URL(accepted);
        assert.equal(url.protocol, 'https:');
        assert.ok(isOnAcme(url.hostname), `${value} → ${url.hostname}`);
        assert.deepEqual([url.username, url.password, url.port], ['', '', '']);
        assert.equal(accepted, new URL(value).href, 'stored as the WHATWG parser writes it');
      }),
      { numRuns: 3_000 },
    );
  });

  it('accepts only hosts on an allowed domain, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom(...refused)), (candidate) => {
        let accepted: string;
        try {
          accepted = checkDestination(candidate, allowed);
        } catch (error) {
          assert.ok(error instanceof HttpProblem);
          return;
        }
        const url = new URL(accepted);
        assert.equal(url.protocol, 'https:');
        assert.ok(isAllowedHost(url.hostname, allowed));
        assert.equal(url.username + url.password, '');
      }),
      { numRuns: 2_000 },
    );
  });
});
