import { css } from 'lit';

export const styles = css`
  form,
  .mine {
    display: grid;
    gap: var(--adv-testimonial-form-field-gap, var(--_space-4));
  }
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  label,
  .title {
    font-weight: var(--_strong);
  }
  p {
    margin: 0;
  }
  .field > .muted,
  .count,
  .meta {
    font-size: var(--_small);
  }
  input:not([type='checkbox']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: var(--adv-testimonial-form-field-width, 50ch);
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    max-inline-size: var(--adv-testimonial-form-field-width, 60ch);
    resize: vertical;
  }
  select {
    color: inherit;
    font: inherit;
  }
  .required {
    color: var(--_danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error,
  .form-error,
  .over {
    color: var(--_danger);
    font-weight: var(--_strong);
  }
  .check {
    display: flex;
    align-items: start;
    gap: var(--_space-3);
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .check label {
    font-weight: normal;
    white-space: pre-line;
  }
  input[type='checkbox'] {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_brand);
  }
  .success {
    border: var(--_border-width) solid var(--_success);
  }
  .mine {
    margin-block-start: var(--_space-6);
  }
  .title {
    font-size: var(--_large);
  }
  ul {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    justify-items: start;
    gap: var(--_space-2);
    padding: var(--_space-4);
    border: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: var(--_radius);
  }
  .excerpt {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .status {
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_brand-subtle);
    font-weight: var(--_strong);
  }
  .approved {
    color: var(--_success);
  }
  .rejected,
  .danger {
    color: var(--_danger);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
`;
