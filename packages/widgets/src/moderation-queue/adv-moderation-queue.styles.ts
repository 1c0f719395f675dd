import { css } from 'lit';

export const styles = css`
  .title {
    font-size: var(--_large);
    font-weight: var(--_strong);
    margin-block-end: var(--_space-3);
  }
  .statuses {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin: 0 0 var(--_space-4);
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .statuses legend {
    padding-inline: var(--_space-1);
    font-weight: var(--_strong);
  }
  .status-option,
  .bulk label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_brand);
  }
  .bulk,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .bulk {
    margin-block-end: var(--_space-4);
  }
  .items {
    display: grid;
    gap: var(--adv-moderation-queue-gap, var(--_space-4));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item-head {
    display: flex;
    align-items: start;
    gap: var(--_space-3);
  }
  .author {
    font-weight: var(--_strong);
  }
  .meta,
  .outcome,
  .audit-list,
  summary {
    font-size: var(--_small);
  }
  .meta {
    color: var(--_text-muted);
  }
  blockquote {
    margin: 0;
    padding-inline-start: var(--_space-3);
    border-inline-start: 3px solid var(--_brand);
    white-space: pre-line;
  }
  .withdrawn {
    color: var(--_warning);
    font-weight: var(--_strong);
  }
  .reject-form {
    display: grid;
    gap: var(--_space-2);
  }
  .reject-form label {
    font-weight: var(--_strong);
  }
  textarea {
    inline-size: 100%;
    max-inline-size: 60ch;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-weight: var(--_strong);
  }
  summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  .audit-list {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-6);
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .notice:not(:empty),
  [part~='more'] {
    margin-block-start: var(--_space-4);
  }
`;
