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
