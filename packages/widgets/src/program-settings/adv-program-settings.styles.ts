import { css } from 'lit';

export const styles = css`
  .title {
    font-size: var(--_large);
    font-weight: var(--_strong);
    margin-block-end: var(--_space-4);
  }
  .section {
    display: grid;
    gap: var(--_space-3);
    margin-block-end: var(--adv-program-settings-gap, var(--_space-6));
    padding: var(--_space-4);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .section-title,
  summary {
    font-weight: var(--_strong);
  }
  summary {
    cursor: pointer;
  }
  form {
    display: grid;
    gap: var(--_space-3);
    justify-items: start;
  }
  .field {
    display: grid;
    gap: var(--_space-1);
    inline-size: 100%;
  }
  .pair,
  .inline,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
  }
  .pair .field {
    inline-size: auto;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 50ch;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='number'] {
    max-inline-size: 10ch;
  }
  textarea {
    resize: vertical;
  }
  fieldset {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .option {
    display: flex;
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
  .muted {
    color: var(--_text-muted);
    font-size: var(--_small);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error,
  .refused {
    color: var(--_danger);
    font-weight: var(--_strong);
  }
  .rows {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rows li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding-block: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_border);
  }
  .rows li.revoked {
    color: var(--_text-muted);
  }
  code {
    overflow-wrap: anywhere;
  }
  .new-key {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
  }
  .warning {
    color: var(--_warning);
    font-weight: var(--_strong);
  }
  .new-key input {
    font-family: ui-monospace, monospace;
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .test-result dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: var(--_space-2) 0;
  }
  .test-result dd {
    margin: 0;
  }
  .valid {
    color: var(--_success);
  }
  .audit-list {
    margin: 0;
    padding-inline-start: var(--_space-6);
    font-size: var(--_small);
  }
`;
