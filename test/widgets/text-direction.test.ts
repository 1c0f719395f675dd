import { expect } from '@open-wc/testing';
import { textDirection } from '../../packages/widgets/src/base/text-direction.js';

/** `tag` as an engine without getTextInfo() or textInfo would give it (Firefox). */
function withoutTextInfo(tag: string): Intl.Locale {
  const locale = new Intl.Locale(tag);
  Object.defineProperty(locale, 'getTextInfo', { value: undefined, configurable: true });
  Object.defineProperty(locale, 'textInfo', { value: undefined, configurable: true });
  return locale;
}

const rtl = ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'ku-Arab', 'az-Arab'];
const ltr = ['en', 'fr-CA', 'de', 'ja', 'zh-Hant', 'ku', 'az', 'tr', 'sr-Cyrl'];

describe('textDirection()', () => {
  it('tells right-to-left locales from the likely script when the engine has no text info', () => {
    for (const tag of rtl) expect(textDirection(withoutTextInfo(tag)), tag).to.equal('rtl');
    for (const tag of ltr) expect(textDirection(withoutTextInfo(tag)), tag).to.equal('ltr');
  });

  it('takes the engine answer when it has one', () => {
    const claimsRtl = new Intl.Locale('en');
    Object.defineProperty(claimsRtl, 'getTextInfo', { value: () => ({ direction: 'rtl' }) });
    expect(textDirection(claimsRtl)).to.equal('rtl');
    const oldGetter = withoutTextInfo('en');
    Object.defineProperty(oldGetter, 'textInfo', { value: { direction: 'rtl' } });
    expect(textDirection(oldGetter)).to.equal('rtl');
  });

  it('agrees with this engine for every locale above', () => {
    for (const tag of [...rtl, ...ltr]) expect(textDirection(new Intl.Locale(tag)), tag).to.equal(rtl.includes(tag) ? 'rtl' : 'ltr');
  });
});
