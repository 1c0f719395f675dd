import { isbot } from 'isbot';

/** Why a click is recorded without credit (docs/honest-figures.md). */
export const UNCREDITED_REASONS = ['bot', 'preview', 'head', 'self', 'repeat', 'repeat-network', 'burst'] as const;
export type UncreditedReason = (typeof UNCREDITED_REASONS)[number];

/**
 * Link-preview fetchers: they open a link the moment it is posted, to draw
 * its card, and no person reads anything. Matched before `isbot` so they are
 * counted apart from other robots.
 */
const PREVIEW_FETCHERS =
  /LinkedInBot|Slackbot|Slack-ImgProxy|Twitterbot|facebookexternalhit|facebookcatalog|Facebot|meta-externalagent|WhatsApp|Discordbot|SkypeUriPreview|TelegramBot|Iframely|Embedly|redditbot|Applebot|Google-PageRenderer|Pinterestbot|Mastodon\/|Bluesky|Cardyb|Teams|MicrosoftPreview|Viber|Snapchat|Line\/|KakaoTalk|Signal|vkShare|W3C_Validator|Tumblr|Yahoo Link Preview|bitlybot|Nuzzel|Qwantify/i;

export interface ClickRequest {
  method: string;
  userAgent: string | undefined;
}

/**
 * Decides, from the request alone, whether a click cannot be credited.
 * Undefined means it may be: the recorder still checks it against the
 * sharer, the visitor's and the network's earlier visits (click-crediting.ts).
 */
export function uncreditedReason(click: ClickRequest): UncreditedReason | undefined {
  if (click.method === 'HEAD') return 'head';
  const userAgent = click.userAgent?.trim() ?? '';
  if (userAgent === '') return 'bot';
  if (PREVIEW_FETCHERS.test(userAgent)) return 'preview';
  if (isbot(userAgent)) return 'bot';
  return undefined;
}
