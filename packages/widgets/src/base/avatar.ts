/**
 * Up to two letters standing in for a missing, refused or broken photo: the
 * first letters of the first and last words (whole code points, so accents
 * and emoji survive). "Maria del Carmen Fernández" → "MF".
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return picked.map((word) => [...word][0] ?? '').join('').toLocaleUpperCase();
}

/** An image that fails to load hides itself, leaving the initials (or nothing) instead of a broken-image icon. */
export function hideBrokenImage(event: Event): void {
  (event.target as HTMLElement).hidden = true;
}
