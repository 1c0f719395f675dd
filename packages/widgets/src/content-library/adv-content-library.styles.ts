import { css } from 'lit';

export const styles = css`
  .toolbar,
  .form,
  .texts,
  .times {
    display: grid;
    gap: var(--adv-content-library-gap, var(--_space-4));
  }
  .toolbar {
    margin-block-end: var(--adv-content-library-gap, var(--_space-4));
  }
  .item .heading {
    font-size: 1rem;
  }
  legend,
  label,
  .label {
    font-weight: var(--_strong);
  }
  .statuses {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .field,
  .text-entry {
    display: grid;
    justify-items: start;
    gap: var(--_space-1);
  }
  .hint,
  .meta,
  .count,
  .field-error {
    font-size: var(--_small);
  }
  input:not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: var(--adv-content-library-field-width, 60ch);
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
  }
  .required,
  .field-error,
  .count.over,
  .danger {
    color: var(--_danger);
  }
  .field-error,
  .count.over {
    font-weight: var(--_strong);
  }
  .near {
    color: var(--_warning);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  /* The text and its disclosure read as one box, as on the share card. */
  .composer {
    inline-size: 100%;
    max-inline-size: var(--adv-content-library-field-width, 60ch);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .composer:has(.over) {
    border-color: var(--_danger);
  }
  .composer textarea {
    display: block;
    border: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  .disclosure {
    padding: var(--_space-2) var(--_space-3);
    border-block-start: var(--_border-width) dashed var(--_border);
    font-size: var(--_small);
  }
  .add-text {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
    padding-block-start: var(--_space-3);
    border-block-start: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
  }
  .add-text > .label {
    flex-basis: 100%;
  }
  .add-text .field {
    flex: 1 1 10rem;
  }
  .image-preview {
    max-inline-size: 240px;
    block-size: auto;
    border-radius: var(--_radius-small);
    background: var(--_skeleton);
  }
  .list {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
  }
  .meta,
  .actions,
  .confirm,
  .form-actions,
  .filter-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .meta {
    color: var(--_text-muted);
  }
  .badge {
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_brand-subtle);
    color: var(--_text);
    font-weight: var(--_strong);
  }
  .more {
    margin-block-start: var(--_space-3);
  }
  .notice:empty {
    display: none;
  }
  .notice {
    margin-block-start: var(--_space-3);
  }
  .preview {
    display: grid;
    gap: var(--_space-2);
    padding-block-start: var(--_space-4);
    border-block-start: var(--_border-width) solid var(--_border);
  }
  .preview adv-share-card {
    max-inline-size: 34rem;
  }
`;
