import { css } from 'lit';

export const styles = css`
  .card {
    overflow: hidden;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius-large);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .image {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: var(--adv-share-card-image-ratio, 1.91 / 1);
    object-fit: cover;
    background: var(--_skeleton);
  }
  .body {
    display: grid;
    gap: var(--_space-3);
    padding: var(--adv-share-card-padding, var(--_space-4));
  }
  .body > p,
  .title {
    margin: 0;
  }
  .title {
    font-size: var(--_large);
    line-height: 1.3;
  }
  .title a {
    color: inherit;
    text-underline-offset: 0.2em;
  }
  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--adv-share-card-summary-lines, 4);
    overflow: hidden;
  }
  .networks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend,
  .label {
    margin-block-end: var(--_space-2);
    padding: 0;
    font-size: var(--_small);
    font-weight: var(--_strong);
  }
  .label {
    margin-block-end: calc(var(--_space-2) - var(--_space-3));
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-block-size: 2.25rem;
    padding-inline: var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: 999px;
    font-size: var(--_small);
    cursor: pointer;
  }
  .chip input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .chip:has(:checked) {
    border-color: var(--_brand);
    background: var(--_brand);
    color: var(--_on-brand);
    font-weight: var(--_strong);
  }
  .chip:has(:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  textarea,
  input {
    inline-size: 100%;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The post and its disclosure read as one box; only the text above the line is editable. */
  .composer {
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .composer:has(:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .composer:has(.over) {
    border-color: var(--_danger);
  }
  .composer textarea {
    display: block;
    min-block-size: 7.5rem;
    field-sizing: content;
    border: 0;
    outline: 0;
    background: transparent;
    resize: vertical;
  }
  .count {
    font-size: var(--_small);
    color: var(--_text-muted);
  }
  #count {
    text-align: end;
  }
  .near {
    color: var(--_warning);
  }
  .count.over {
    color: var(--_danger);
    font-weight: var(--_strong);
  }
  .nudge,
  .disclosure {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    font-size: var(--_small);
  }
  .nudge {
    border-radius: var(--_radius);
    background: var(--_brand-subtle);
  }
  .disclosure {
    border-block-start: var(--_border-width) dashed var(--_border);
    border-end-start-radius: inherit;
    border-end-end-radius: inherit;
    background: var(--_surface-raised);
  }
  .instance {
    display: grid;
    gap: var(--_space-1);
  }
  .instance > * {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .opened a {
    color: var(--_brand);
    font-weight: var(--_strong);
  }
  .notice:empty {
    display: contents;
  }
  .notice {
    color: var(--_success);
    font-weight: var(--_strong);
  }
  @media (forced-colors: active) {
    .chip:has(:checked) {
      outline: 3px solid Highlight;
    }
  }
`;
