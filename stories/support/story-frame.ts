// Frames a widget story: a real SDK client over the fake API (no globals),
// an optional theme and language, and a page background that follows it.
import { html, type TemplateResult } from 'lit';
import darkCss from '@advocacy/themes/dark.css?inline';
import highContrastCss from '@advocacy/themes/high-contrast.css?inline';
import lightCss from '@advocacy/themes/light.css?inline';
import { FakeApi, type FakeRoutes } from '../../test/helpers/fake-api.js';

/** Loading stories answer never: the client must not time out into the error state while someone looks. */
const LOADING_FOREVER_MS = 24 * 60 * 60 * 1000;

export type StoryTheme = 'light' | 'dark' | 'high-contrast';

const themeCss: Record<StoryTheme, string> = { light: lightCss, dark: darkCss, 'high-contrast': highContrastCss };

// Each theme's rules also apply to `[data-adv-theme=…]`; the @import of tokens.css cannot sit in an inline style.
const stripImports = (css: string): string => css.replace(/@import[^;]+;/g, '');

export interface StoryFrameOptions {
  theme?: StoryTheme;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The page has not handed over `getToken` yet: employee widgets wait, signing in. */
  signedOut?: boolean;
}

/** Renders `widget` inside an `<adv-provider>` whose client talks to a fake API answering `routes`. */
export function storyFrame(routes: FakeRoutes, widget: TemplateResult, options: StoryFrameOptions = {}): TemplateResult {
  const theme = options.theme ?? 'light';
  const api = new FakeApi(routes);
  return html`
    <style>
      ${stripImports(themeCss[theme])}
    </style>
    <div
      data-adv-theme=${theme}
      lang=${options.lang ?? 'en'}
      dir=${options.dir ?? 'ltr'}
      style="background: var(--adv-color-surface); color: var(--adv-color-text); padding: 1rem; max-inline-size: 60rem"
    >
      <adv-provider .client=${api.client({ timeoutMs: LOADING_FOREVER_MS, ...(options.signedOut ? { getToken: undefined } : {}) })}>${widget}</adv-provider>
    </div>
  `;
}
