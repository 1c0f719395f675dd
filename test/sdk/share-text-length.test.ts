import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkTextLength, textLength } from '../../packages/sdk/src/share/text-length.js';

const longUrl = 'https://www.acme.example/careers/engineering/2026/why-we-moved-our-platform-to-postgres?ref=blog';

describe('X weighted length', () => {
  const cases: [string, string, number][] = [
    ['plain ASCII', 'Hello world', 11],
    ['any URL as 23', `Read ${longUrl}`, 5 + 23],
    ['two URLs', 'https://a.example https://b.example/very/long/path/indeed', 23 + 1 + 23],
    ['an emoji as 2', '🙂', 2],
    ['a ZWJ family as one emoji', '👨‍👩‍👧', 2],
    ['a flag as one emoji', '🇫🇷', 2],
    ['an emoji with skin tone', '👍🏽', 2],
    ['CJK as 2 each', '日本語', 6],
    ['Latin with accents as 1', 'déjà vu', 7],
    ['combining marks normalised first', 'e\u0301te\u0301', 3],
    ['curly quotes as 1', '“quote”', 7],
  ];
  for (const [label, text, expected] of cases) {
    it(`counts ${label}`, () => assert.equal(textLength('x', text), expected));
  }

  it('allows 280 Latin characters and refuses 281', () => {
    assert.equal(checkTextLength('x', 'a'.repeat(280)).over, false);
    const over = checkTextLength('x', 'a'.repeat(281));
    assert.deepEqual([over.over, over.remaining], [true, -1]);
  });

  it('allows only 140 CJK characters', () => {
    assert.equal(checkTextLength('x', '字'.repeat(140)).over, false);
    assert.equal(checkTextLength('x', '字'.repeat(141)).over, true);
  });
});

describe('Bluesky grapheme length', () => {
  it('counts user-perceived characters', () => {
    assert.equal(textLength('bluesky', '👨‍👩‍👧'), 1);
    assert.equal(textLength('bluesky', 'e\u0301'), 1);
    assert.equal(textLength('bluesky', '日本語'), 3);
  });
  it('counts a URL in full, since it sits inside the post text', () => {
    assert.equal(textLength('bluesky', longUrl), longUrl.length);
  });
  it('has a limit of 300', () => {
    assert.equal(checkTextLength('bluesky', '🙂'.repeat(300)).over, false);
    assert.equal(checkTextLength('bluesky', '🙂'.repeat(301)).over, true);
  });
});

describe('other networks', () => {
  it('Mastodon counts a URL as 23 and has 500 by default', () => {
    assert.equal(textLength('mastodon', `Hi ${longUrl}`), 3 + 23);
    assert.equal(checkTextLength('mastodon', 'a'.repeat(501)).over, true);
  });
  it('Threads has 500 and LinkedIn 3,000', () => {
    assert.equal(checkTextLength('threads', 'a'.repeat(500)).over, false);
    assert.equal(checkTextLength('threads', 'a'.repeat(501)).over, true);
    assert.equal(checkTextLength('linkedin', 'a'.repeat(3_000)).over, false);
    assert.equal(checkTextLength('linkedin', 'a'.repeat(3_001)).over, true);
  });
  it('keeps X lengths between 0 and twice the normalised code points, URLs aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const length = textLength('x', text);
        assert.ok(length >= 0);
        assert.ok(length <= 2 * [...text.normalize('NFC')].length + 23 * (text.match(/https?:\/\//g)?.length ?? 0));
      }),
    );
  });
});

describe('a whole post', () => {
  it('counts the disclosure and the link toward the limit', async () => {
    const { checkPost } = await import('../../packages/sdk/src/share/check-post.js');
    const url = 'https://go.acme.example/r/AbCdEfGhJk';
    const disclosure = 'I work at Acme.';
    const text = 'a'.repeat(280 - 23 - disclosure.length - 4);
    assert.equal(checkPost('x', { text, disclosure, url }).remaining, 0, 'text + two blank-line joins + disclosure + link = 280');
    assert.equal(checkPost('x', { text: `${text}b`, disclosure, url }).over, true, 'one more character is over, because of the disclosure');
    assert.equal(checkPost('bluesky', { text: 'Hi', disclosure, url }).length, 2 + 2 + disclosure.length + 2 + url.length);
  });
});
