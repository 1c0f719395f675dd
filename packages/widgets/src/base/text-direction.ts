// Scripts written right to left (ISO 15924, those CLDR marks rtl that are in use today).
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Aran', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

type TextInfo = { direction?: string };
type LocaleTextInfo = { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

/**
 * Writing direction of a locale. The engine answers where it can:
 * `getTextInfo()` (Chromium 130, Safari 17, Firefox ESR 153 as tested here;
 * MDN's data still lists Firefox without it) or the older `textInfo` getter
 * (Chromium 99–129, Safari 15.4–16). An engine with neither (older Firefox)
 * gets the locale's likely script instead: `ar` → `ar-Arab-EG` → rtl.
 */
export function textDirection(locale: Intl.Locale): 'ltr' | 'rtl' {
  const engine = locale as Intl.Locale & LocaleTextInfo;
  const info = typeof engine.getTextInfo === 'function' ? engine.getTextInfo() : engine.textInfo;
  const direction = info?.direction ?? (RTL_SCRIPTS.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr');
  return direction === 'rtl' ? 'rtl' : 'ltr';
}
