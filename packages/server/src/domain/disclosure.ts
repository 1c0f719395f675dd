/**
 * The organisation's disclosure text for a locale: the exact locale, then its
 * language (`fr` for `fr-CA`), then English, then any. Empty when none is set.
 */
export function disclosureFor(disclosures: Record<string, string>, locale: string): string {
  const language = locale.split('-')[0] ?? locale;
  return disclosures[locale] ?? disclosures[language] ?? disclosures['en'] ?? Object.values(disclosures)[0] ?? '';
}
