import { css } from 'lit';

export const styles = css`
  :host {
    --_bar: var(--adv-program-stats-bar, var(--_brand));
  }
  .networks {
    inline-size: 100%;
    margin-block-start: var(--_space-6);
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
    white-space: nowrap;
  }
  /* The network and shares columns take what they need; the bars get the rest. */
  tr > :first-child,
  th.num,
  td.num {
    inline-size: 1%;
  }
  .bar-cell .num {
    flex: none;
  }
  .num {
    white-space: nowrap;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .bar-cell {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    inline-size: 100%;
  }
  .bar {
    flex: 1 1 auto;
    inline-size: 2rem;
    block-size: 0.75rem;
    fill: var(--_bar);
  }
  .spark {
    flex: none;
    inline-size: 8rem;
    block-size: 2rem;
    fill: none;
    stroke: var(--_bar);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  svg:dir(rtl) {
    transform: scaleX(-1);
  }
  .trend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin: var(--_space-4) 0 0;
    font-size: var(--_small);
  }
  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
    }
    .spark {
      stroke: CanvasText;
    }
  }
`;
