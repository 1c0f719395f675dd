import { css } from 'lit';

export const styles = css`
  :host {
    --_bar: var(--adv-program-dashboard-bar, var(--_brand));
  }
  .toolbar,
  .section {
    display: grid;
    gap: var(--_space-4);
    margin-block-end: var(--_space-6);
  }
  .section .heading {
    font-size: 1.125rem;
  }
  legend,
  label,
  .label {
    font-weight: var(--_strong);
  }
  .range {
    display: grid;
    gap: var(--_space-2);
  }
  .range-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
  }
  .field {
    display: grid;
    gap: var(--_space-1);
  }
  input[type='date'] {
    padding: var(--_space-2);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    font-size: var(--_small);
  }
  .field-error {
    color: var(--_danger);
    font-weight: var(--_strong);
  }
  .showing {
    margin-block-end: var(--_space-4);
  }
  /* Value, detail and change read top to bottom (the shared tiles put the label under the value). */
  .tiles > div {
    flex-direction: column;
    gap: var(--_space-1);
  }
  .tiles .value {
    order: 0;
  }
  .tiles .detail,
  .tiles .delta {
    font-size: var(--_small);
    font-weight: normal;
  }
  .tiles .delta {
    color: var(--_text);
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  caption {
    padding-block-end: var(--_space-2);
    text-align: start;
    font-weight: var(--_strong);
  }
  th,
  td {
    padding: var(--_space-2);
    border-block-end: var(--_border-width) solid var(--_skeleton);
    text-align: start;
  }
  thead th {
    color: var(--_text-muted);
    font-size: var(--_small);
  }
  tbody th {
    font-weight: normal;
  }
  .num {
    white-space: nowrap;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .total th,
  .total td {
    font-weight: var(--_strong);
  }
  .scroll {
    max-block-size: 32rem;
    overflow: auto;
  }
  .scroll:focus-visible {
    outline: var(--_focus-ring);
  }
  .earned-media .value {
    font-size: var(--_large);
    font-weight: var(--_strong);
  }
  .definitions summary {
    inline-size: fit-content;
    cursor: pointer;
    font-weight: var(--_strong);
  }
  .definitions ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-6);
    max-inline-size: 70ch;
  }
  .definitions li + li {
    margin-block-start: var(--_space-2);
  }
  .chart {
    margin: 0;
  }
  .bars {
    display: block;
    inline-size: 100%;
    block-size: var(--adv-program-dashboard-chart-height, 10rem);
    fill: var(--_bar);
    border-block-end: var(--_border-width) solid var(--_border);
  }
  .bars:dir(rtl) {
    transform: scaleX(-1);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    font-size: var(--_small);
  }
  figcaption {
    margin-block-start: var(--_space-2);
    font-size: var(--_small);
  }
  .download {
    justify-self: start;
  }
  @media (forced-colors: active) {
    .bars {
      fill: CanvasText;
    }
  }
`;
