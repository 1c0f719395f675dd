import type { SuggestedTexts, SuggestedTextsPatch } from '@advocacy/sdk/contract';

/**
 * Suggested texts after a `PATCH`: merged per network and per locale. A
 * locale sent as `null` is removed, a network sent as `null` is removed
 * with all its locales, and a network left without a locale goes too.
 */
export function mergeSuggestedTexts(current: SuggestedTexts, patch: SuggestedTextsPatch): SuggestedTexts {
  const merged: Record<string, Record<string, string>> = {};
  for (const [network, texts] of Object.entries(current)) merged[network] = { ...texts };
  for (const [network, texts] of Object.entries(patch)) {
    if (texts === undefined) continue;
    if (texts === null) {
      delete merged[network];
      continue;
    }
    const locales = { ...merged[network] };
    for (const [locale, value] of Object.entries(texts)) {
      if (value === null) delete locales[locale];
      else locales[locale] = value;
    }
    if (Object.keys(locales).length > 0) merged[network] = locales;
    else delete merged[network];
  }
  return merged as SuggestedTexts;
}
