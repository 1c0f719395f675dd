import type { Network } from '../contract/common.js';

/** How a network counts a post's characters. */
type Counting = 'x-weighted' | 'graphemes' | 'code-points-url-23' | 'code-points';

interface TextRule {
  readonly limit: number;
  readonly counting: Counting;
}

/**
 * Post length limits per network, as each counts them. LinkedIn and
 * Facebook drop prefilled text, but the employee pastes it there, so
 * their limits still apply.
 */
export const TEXT_RULES: Readonly<Record<Network, TextRule>> = {
  x: { limit: 280, counting: 'x-weighted' },
  bluesky: { limit: 300, counting: 'graphemes' },
  mastodon: { limit: 500, counting: 'code-points-url-23' },
  threads: { limit: 500, counting: 'code-points' },
  linkedin: { limit: 3_000, counting: 'code-points' },
  facebook: { limit: 63_206, counting: 'code-points' },
  whatsapp: { limit: 65_536, counting: 'code-points' },
  telegram: { limit: 4_096, counting: 'code-points' },
  teams: { limit: 28_000, counting: 'code-points' },
  email: { limit: 100_000, counting: 'code-points' },
};

/** URLs as X and Mastodon see them: every one counts as 23 characters, whatever its length. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;
const SHORTENED_URL_LENGTH = 23;

/** Code point ranges X counts as 1 (twitter-text v3 config); everything else counts 2. */
const X_LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function replaceUrls(text: string, count: (url: string) => void): string {
  return text.replace(URL_PATTERN, (url) => {
    count(url);
    return '';
  });
}

/** X's weighted length: NFC first, URLs 23, emoji sequences 2, code points outside the light ranges 2. */
function xWeightedLength(text: string): number {
  let length = 0;
  const rest = replaceUrls(text.normalize('NFC'), () => (length += SHORTENED_URL_LENGTH));
  for (const grapheme of graphemes(rest)) {
    if (EMOJI.test(grapheme)) {
      length += 2;
      continue;
    }
    for (const char of grapheme) {
      const code = char.codePointAt(0) ?? 0;
      length += X_LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
    }
  }
  return length;
}

/** The length of `text` as `network` counts it. */
export function textLength(network: Network, text: string): number {
  switch (TEXT_RULES[network].counting) {
    case 'x-weighted':
      return xWeightedLength(text);
    case 'graphemes':
      return graphemes(text).length;
    case 'code-points-url-23': {
      let length = 0;
      const rest = replaceUrls(text, () => (length += SHORTENED_URL_LENGTH));
      return length + [...rest].length;
    }
    case 'code-points':
      return [...text].length;
  }
}

export interface TextCheck {
  readonly length: number;
  readonly limit: number;
  /** Characters left; negative when over. */
  readonly remaining: number;
  readonly over: boolean;
}

/** Length, limit and whether `text` fits on `network`. */
export function checkTextLength(network: Network, text: string): TextCheck {
  const length = textLength(network, text);
  const { limit } = TEXT_RULES[network];
  return { length, limit, remaining: limit - length, over: length > limit };
}
