import { css } from 'lit';

export const styles = css`
  .toolbar {
    display: grid;
    gap: var(--adv-people-gap, var(--_space-4));
    margin-block-end: var(--adv-people-gap, var(--_space-4));
  }
  .field {
    display: grid;
    justify-items: start;
    gap: var(--_space-1);
  }
  label {
    font-weight: var(--_strong);
  }
  input,
  select {
    inline-size: 100%;
    max-inline-size: 40ch;
    min-block-size: 2.5rem;
    padding: var(--_space-2) var(--_space-3);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: var(--_small);
    font-weight: var(--_strong);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    padding-block-end: var(--_space-2);
    color: var(--_text-muted);
    font-size: var(--_small);
    text-align: start;
  }
  th,
  td {
    padding: var(--_space-2) var(--_space-3);
    border-block-end: var(--_border-width) solid color-mix(in srgb, var(--_border) 40%, transparent);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: var(--_small);
    white-space: nowrap;
  }
  tbody th {
    font-weight: var(--_strong);
  }
  .shown-as {
    display: block;
    font-size: var(--_small);
    font-weight: normal;
  }
  .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr.deactivated,
  tr.erased {
    background: var(--_surface-raised);
  }
  .badge {
    display: inline-block;
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-small);
    background: var(--_brand-subtle);
    font-size: var(--_small);
    white-space: nowrap;
  }
  .badge.deactivated {
    background: transparent;
    border: var(--_border-width) solid var(--_warning);
    color: var(--_warning);
  }
  .badge.erased {
    background: transparent;
    border: var(--_border-width) dashed var(--_border);
    color: var(--_text-muted);
  }
  .actions,
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .actions .button {
    min-block-size: 2.25rem;
    padding-block: var(--_space-1);
    font-size: var(--_small);
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .more,
  .notice:not(:empty) {
    margin-block-start: var(--_space-4);
  }
  .dialog {
    max-inline-size: min(40rem, calc(100vw - 2rem));
    padding: var(--_space-6);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius-large);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-form,
  .dialog-body {
    display: grid;
    gap: var(--_space-3);
  }
  .dialog-form {
    gap: var(--_space-4);
  }
`;
