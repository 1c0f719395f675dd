import { css } from 'lit';

/**
 * Styles every widget shares: its private `--_*` variables (each global
 * token with a fallback, so a widget is legible with no theme loaded),
 * buttons, the skeleton, the error and empty states.
 */
export const sharedStyles = css`
  :host {
    --_brand: var(--adv-color-brand, #0a58ca);
    --_on-brand: var(--adv-color-on-brand, #ffffff);
    --_brand-subtle: var(--adv-color-brand-subtle, color-mix(in srgb, var(--_brand) 12%, var(--_surface)));
    --_surface: var(--adv-color-surface, Canvas);
    --_surface-raised: var(--adv-color-surface-raised, color-mix(in srgb, CanvasText 4%, Canvas));
    --_text: var(--adv-color-text, CanvasText);
    --_text-muted: var(--adv-color-text-muted, color-mix(in srgb, CanvasText 72%, Canvas));
    --_border: var(--adv-color-border, color-mix(in srgb, CanvasText 45%, Canvas));
    --_success: var(--adv-color-success, #116329);
    --_warning: var(--adv-color-warning, #7a4d00);
    --_danger: var(--adv-color-danger, #b3261e);
    --_focus: var(--adv-color-focus, var(--_brand));
    --_skeleton: var(--adv-color-skeleton, color-mix(in srgb, CanvasText 10%, Canvas));
    --_shadow: var(--adv-shadow, 0 1px 2px rgb(0 0 0 / 0.08), 0 2px 8px rgb(0 0 0 / 0.06));
    --_radius-small: var(--adv-radius-small, 0.25rem);
    --_radius: var(--adv-radius, 0.5rem);
    --_radius-large: var(--adv-radius-large, 1rem);
    --_border-width: var(--adv-border-width, 1px);
    --_focus-ring: var(--adv-focus-ring-width, 3px) solid var(--_focus);
    --_space-1: var(--adv-space-1, 0.25rem);
    --_space-2: var(--adv-space-2, 0.5rem);
    --_space-3: var(--adv-space-3, 0.75rem);
    --_space-4: var(--adv-space-4, 1rem);
    --_space-6: var(--adv-space-6, 1.5rem);
    --_small: var(--adv-font-size-small, 0.875rem);
    --_large: var(--adv-font-size-large, 1.25rem);
    --_display: var(--adv-font-size-display, 2rem);
    --_strong: var(--adv-font-weight-strong, 600);
    --_duration: var(--adv-duration, 150ms);
    --_easing: var(--adv-easing, cubic-bezier(0.2, 0, 0, 1));
    color: var(--_text);
  }
  .base {
    /* break-word, not anywhere: long words wrap only when nothing else fits, so table columns keep whole words. */
    overflow-wrap: break-word;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: 2.5rem;
    padding: var(--_space-2) var(--_space-4);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    transition: background-color var(--_duration) var(--_easing);
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-raised);
  }
  .button.primary {
    border-color: var(--_brand);
    background: var(--_brand);
    color: var(--_on-brand);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_brand) 85%, black);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_text-muted);
  }
  .skeleton {
    display: grid;
    gap: var(--_space-3);
  }
  .skeleton-line {
    block-size: 1em;
    border-radius: var(--_radius-small);
    background: var(--_skeleton);
    animation: adv-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-line:nth-child(3n + 2) {
    inline-size: 80%;
  }
  .skeleton-line:nth-child(3n) {
    inline-size: 60%;
  }
  @keyframes adv-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-line {
      animation: none;
    }
  }
  .state {
    display: grid;
    justify-items: start;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border-radius: var(--_radius);
  }
  .error {
    border: var(--_border-width) solid var(--_danger);
  }
  .error-title {
    margin: 0;
    font-weight: var(--_strong);
    color: var(--_danger);
  }
  .state p {
    margin: 0;
  }
  .detail {
    display: block;
    overflow-wrap: anywhere;
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-end: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-raised);
    font-size: var(--_small);
  }
  @media (forced-colors: active) {
    .button.primary {
      border-color: ButtonText;
    }
    .skeleton-line {
      background: GrayText;
    }
  }
`;
