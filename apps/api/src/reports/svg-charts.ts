import { escapeHtml, formatNumber } from './html';

export interface ChartSeries {
  name: string;
  color: string;
  values: number[];
}

export interface BarChartSpec {
  /** Accessible title of the chart. */
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Stacked: one bar per category with the series on top of each other; otherwise side by side. */
  stacked?: boolean;
  width?: number;
  height?: number;
}

/** A vertical bar chart as inline SVG (no script, no external resource), with a legend and value axis. */
export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 260;
  const margin = { top: 16, right: 12, bottom: 48, left: 44 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = spec.categories.map((_, index) =>
    spec.stacked
      ? spec.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0)
      : Math.max(0, ...spec.series.map((series) => series.values[index] ?? 0)),
  );
  const maximum = niceMaximum(Math.max(0, ...totals));
  const scale = (value: number) => (maximum === 0 ? 0 : (value / maximum) * plotHeight);
  const band = plotWidth / Math.max(1, spec.categories.length);
  const barWidth = spec.stacked ? band * 0.6 : (band * 0.8) / Math.max(1, spec.series.length);

  const bars: string[] = [];
  spec.categories.forEach((category, index) => {
    let stackedHeight = 0;
    spec.series.forEach((series, position) => {
      const value = series.values[index] ?? 0;
      const barHeight = scale(value);
      const x = spec.stacked
        ? margin.left + index * band + (band - barWidth) / 2
        : margin.left + index * band + band * 0.1 + position * barWidth;
      const y = margin.top + plotHeight - barHeight - (spec.stacked ? stackedHeight : 0);
      if (spec.stacked) stackedHeight += barHeight;
      bars.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${series.color}"><title>${escapeHtml(`${category} – ${series.name}: ${formatNumber(value, Number.isInteger(value) ? 0 : 1)}`)}</title></rect>`,
      );
    });
    bars.push(
      `<text x="${(margin.left + index * band + band / 2).toFixed(1)}" y="${height - margin.bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(category)}</text>`,
    );
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => {
    const y = margin.top + plotHeight - fraction * plotHeight;
    return (
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>` +
      `<text x="${margin.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="10">${tickLabel(maximum * fraction)}</text>`
    );
  });
  // Legend entries side by side, each as wide as its text (about 6.5 px per character at 11 px).
  let legendX = margin.left;
  const legend = spec.series.map((series) => {
    const x = legendX;
    legendX += 26 + series.name.length * 6.5;
    return (
      `<rect x="${x.toFixed(1)}" y="${height - 18}" width="10" height="10" fill="${series.color}"/>` +
      `<text x="${(x + 14).toFixed(1)}" y="${height - 9}" font-size="11">${escapeHtml(series.name)}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(spec.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><title>${escapeHtml(spec.title)}</title>${ticks.join('')}${bars.join('')}${legend.join('')}</svg>`;
}

/** The smallest of 1, 2, 2.5, 5 × 10^n at or above the value (an axis that ends on a round number). */
export function niceMaximum(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** A tick's value with the decimals it needs (1,25 on an axis up to 5), none for whole numbers. */
function tickLabel(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2);
}
