import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { NETWORKS, type Network } from '../../packages/sdk/src/contract/common.js';
import { intentUrl, isInstanceHost, NETWORK_ORIGINS, type IntentOptions } from '../../packages/sdk/src/share/index.js';

const tracked = 'https://go.acme.example/r/Ab3dEf7hJk';
const post: IntentOptions = { text: 'We are hiring & growing #jobs', disclosure: 'I work at Acme.', url: tracked, subject: 'Hiring: 3+ roles' };

function parse(network: Network, options: IntentOptions = post): URL {
  const built = intentUrl(network, options);
  assert.ok(built, `${network} builds`);
  return new URL(built);
}

/** Origin and path, and the query as a plain object. */
function shape(url: URL): { at: string; query: Record<string, string> } {
  return { at: `${url.origin}${url.pathname}`, query: Object.fromEntries(url.searchParams) };
}

describe('share intent URLs', () => {
  const withDisclosure = 'We are hiring & growing #jobs\n\nI work at Acme.';

  it('LinkedIn takes the link only', () => {
    assert.deepEqual(shape(parse('linkedin')), { at: 'https://www.linkedin.com/sharing/share-offsite/', query: { url: tracked } });
  });

  it('X takes the text with the disclosure, the link and hashtags apart', () => {
    assert.deepEqual(shape(parse('x', { ...post, hashtags: ['#hiring', 'remote'] })), {
      at: 'https://x.com/intent/post',
      query: { text: withDisclosure, url: tracked, hashtags: 'hiring,remote' },
    });
    assert.equal(parse('x').searchParams.has('hashtags'), false);
  });

  it('Facebook takes the link as u', () => {
    assert.deepEqual(shape(parse('facebook')), { at: 'https://www.facebook.com/sharer/sharer.php', query: { u: tracked } });
  });

  it('WhatsApp, Bluesky and Threads carry the link inside the text', () => {
    const expected = `${withDisclosure}\n\n${tracked}`;
    assert.deepEqual(shape(parse('whatsapp')), { at: 'https://wa.me/', query: { text: expected } });
    assert.deepEqual(shape(parse('bluesky')), { at: 'https://bsky.app/intent/compose', query: { text: expected } });
    assert.deepEqual(shape(parse('threads')), { at: 'https://www.threads.net/intent/post', query: { text: expected } });
  });

  it('Telegram and Teams take the link and the text apart', () => {
    assert.deepEqual(shape(parse('telegram')), { at: 'https://t.me/share/url', query: { url: tracked, text: withDisclosure } });
    assert.deepEqual(shape(parse('teams')), { at: 'https://teams.microsoft.com/share', query: { href: tracked, msgText: withDisclosure } });
  });

  it('Mastodon opens the share page of the employee’s own instance, and nothing without a plain host', () => {
    assert.deepEqual(shape(parse('mastodon', { ...post, mastodonInstance: ' Fosstodon.org ' })), {
      at: 'https://fosstodon.org/share',
      query: { text: `${withDisclosure}\n\n${tracked}` },
    });
    for (const instance of [undefined, '', 'https://evil.example', 'evil.example/share', 'evil.example:8443', 'user@evil.example', '127.0.0.1', 'localhost', 'evil..example', '-evil.example', 'evil.example.']) {
      assert.equal(intentUrl('mastodon', { ...post, ...(instance === undefined ? {} : { mastodonInstance: instance }) }), undefined, String(instance));
    }
  });

  it('email is a mailto: with %20 for spaces and a literal + kept', () => {
    const built = intentUrl('email', post) ?? '';
    assert.ok(built.startsWith('mailto:?subject=Hiring%3A%203%2B%20roles&body='), built);
    assert.ok(!built.replace(/%2B/g, '').includes('+'), 'no + that a mail client would show as a plus sign');
    const query = new URLSearchParams(built.slice('mailto:?'.length));
    assert.deepEqual(Object.fromEntries(query), { subject: 'Hiring: 3+ roles', body: `${withDisclosure}\n\n${tracked}` });
    assert.equal(intentUrl('email', { ...post, subject: undefined })?.startsWith('mailto:?body='), true);
  });

  it('leaves out an empty disclosure without blank lines', () => {
    assert.equal(parse('threads', { ...post, disclosure: '  ' }).searchParams.get('text'), `We are hiring & growing #jobs\n\n${tracked}`);
  });

  it('never throws, on any text: a broken surrogate becomes U+FFFD', () => {
    for (const network of NETWORKS) {
      assert.doesNotThrow(() => intentUrl(network, { ...post, text: 'broken \ud800 pair', subject: '\udc00', mastodonInstance: 'mastodon.social' }), network);
    }
  });

  it('for any post, stays on the network’s origin and carries the disclosure and the link intact (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NETWORKS),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((text) => text.trim() !== ''),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        (network, text, disclosure, url) => {
          const built = intentUrl(network, { text, disclosure, url, mastodonInstance: 'mastodon.social' });
          assert.ok(built);
          const parsed = new URL(built);
          const expectedOrigin = network === 'email' ? 'null' : network === 'mastodon' ? 'https://mastodon.social' : NETWORK_ORIGINS[network];
          assert.equal(parsed.origin, expectedOrigin);
          const query = network === 'email' ? new URLSearchParams(built.slice('mailto:?'.length)) : parsed.searchParams;
          const values = [...query.values()];
          assert.ok(values.includes(url) || values.some((value) => value.endsWith(`\n\n${url}`) || value === url), 'the link travels unchanged');
          if (network !== 'linkedin' && network !== 'facebook') {
            assert.ok(values.some((value) => value.includes(disclosure.trim())), 'the disclosure is always in the text');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('recognises a plain instance host', () => {
    for (const host of ['mastodon.social', 'fosstodon.org', 'infosec.exchange', 'a.b.c.example', 'xn--80ak6aa92e.com', 'Mastodon.Social']) assert.ok(isInstanceHost(host), host);
    for (const host of ['mastodon', 'mastodon.social/', 'mastodon.social:443', '1.2.3.4', '', `${'a'.repeat(64)}.example`, `${'a.'.repeat(127)}ab`]) {
      assert.equal(isInstanceHost(host), false, host);
    }
  });
});
