import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import darkCss from '@advocacy/themes/dark.css?inline';
import highContrastCss from '@advocacy/themes/high-contrast.css?inline';
import lightCss from '@advocacy/themes/light.css?inline';

const themes = [
  { name: 'light', label: 'Light', css: lightCss },
  { name: 'dark', label: 'Dark', css: darkCss },
  { name: 'high-contrast', label: 'High contrast', css: highContrastCss },
] as const;

const colourTokens = [
  'surface',
  'surface-raised',
  'text',
  'text-muted',
  'border',
  'brand',
  'on-brand',
  'success',
  'warning',
  'danger',
  'focus',
  'skeleton',
];

// Each theme's rules apply to `[data-adv-theme=…]`, so all three can sit side by side.
// The @import of tokens.css is dropped: inline styles cannot follow it, and the tokens repeat in each file.
const stripImports = (css: string): string => css.replace(/@import[^;]+;/g, '');

function renderTheme(theme: (typeof themes)[number]) {
  return html`
    <section
      data-adv-theme=${theme.name}
      aria-label=${`${theme.label} theme`}
      style="background: var(--adv-color-surface); color: var(--adv-color-text); padding: 1rem; border-radius: 0.5rem; font-family: var(--adv-font-family)"
    >
      <h2 style="margin-top: 0">${theme.label}</h2>
      <ul style="list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem">
        ${colourTokens.map(
          (token) => html`
            <li style="display: flex; gap: 0.5rem; align-items: center">
              <span
                style="inline-size: 1.5rem; block-size: 1.5rem; border-radius: 0.25rem; border: 1px solid var(--adv-color-border); background: var(--adv-color-${token})"
              ></span>
              <code>--adv-color-${token}</code>
            </li>
          `,
        )}
      </ul>
      <p>
        <button
          style="background: var(--adv-color-brand); color: var(--adv-color-on-brand); border: 0; padding: 0.5rem 1rem; border-radius: var(--adv-radius)"
        >
          Share on LinkedIn
        </button>
        <span style="color: var(--adv-color-text-muted)">Muted text reads at AA contrast.</span>
      </p>
    </section>
  `;
}

const meta: Meta = {
  title: 'Themes/Tokens',
  render: () => html`
    <style>
      ${themes.map((theme) => stripImports(theme.css)).join('\n')}
    </style>
    <div style="display: grid; gap: 1rem">${themes.map(renderTheme)}</div>
  `,
};
export default meta;

export const AllThemes: StoryObj = {};
