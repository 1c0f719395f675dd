import { html, svg, type TemplateResult } from 'lit';
import type { AdminStatsRow } from '@advocacy/sdk';

export interface DayChartText {
  /** The sentence that names the chart for assistive technology and sits under it. */
  readonly summary: string;
  /** The first and last days, under the bars' ends. */
  readonly first: string;
  readonly last: string;
}

/**
 * Credited readers per day as bars: one SVG with `role="img"`, named by the
 * sentence under it (the figure's caption). Nothing in it takes focus, so the
 * keyboard goes past it; the table view holds the figures themselves.
 */
export function dayChart(rows: readonly AdminStatsRow[], text: DayChartText): TemplateResult {
  const most = Math.max(1, ...rows.map((row) => row.creditedReaders));
  const width = Math.max(1, rows.length) * 10;
  return html`<figure class="chart" part="chart">
    <svg class="bars" role="img" aria-labelledby="chart-summary" viewBox="0 0 ${width} 100" preserveAspectRatio="none">
      ${rows.map((row, index) => {
        const height = (100 * row.creditedReaders) / most;
        return svg`<rect x=${index * 10 + 1} y=${100 - height} width="8" height=${height}></rect>`;
      })}
    </svg>
    <div class="axis muted" aria-hidden="true"><span>${text.first}</span><span>${text.last}</span></div>
    <figcaption id="chart-summary" class="muted">${text.summary}</figcaption>
  </figure>`;
}
