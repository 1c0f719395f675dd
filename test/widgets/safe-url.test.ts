import { expect } from '@open-wc/testing';
import { safeUrl } from '@advocacy/widgets';

describe('safeUrl()', () => {
  it('keeps absolute https URLs, normalised', () => {
    expect(safeUrl('https://example.com/a b')).to.equal('https://example.com/a%20b');
    expect(safeUrl('HTTPS://Example.COM/x?y=1#z')).to.equal('https://example.com/x?y=1#z');
  });

  it('keeps http only on loopback hosts, for local development', () => {
    expect(safeUrl('http://localhost:8787/r/abc')).to.equal('http://localhost:8787/r/abc');
    expect(safeUrl('http://127.0.0.1/x')).to.equal('http://127.0.0.1/x');
    expect(safeUrl('http://example.com/')).to.equal(undefined);
  });

  const refused = [
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'https://user:pass@example.com/',
    'file:///etc/passwd',
    '',
    'not a url',
  ];
  for (const value of refused) {
    it(`refuses ${JSON.stringify(value)}`, () => {
      expect(safeUrl(value)).to.equal(undefined);
    });
  }

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com']]) {
      expect(safeUrl(value)).to.equal(undefined);
    }
  });
});
