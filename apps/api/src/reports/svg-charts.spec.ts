import { escapeHtml, formatShare } from './html';
import { barChart, niceMaximum } from './svg-charts';

describe('the report charts', () => {
  it('ends the value axis on a round number at or above the largest value', () => {
    expect([0, 0.7, 3, 17, 230, 1000].map(niceMaximum)).toEqual([0, 1, 5, 20, 250, 1000]);
  });

  it('draws one bar per category and series, as tall as its share of the axis, with escaped text', () => {
    const svg = barChart({
      title: 'Openingen <2026>',
      categories: ['jan', 'feb'],
      series: [{ name: 'A & B', color: '#000', values: [5, 10] }],
      height: 164,
    });
    // plot height = 164 - 16 - 48 = 100; axis 0..10: 5 -> 50, 10 -> 100.
    expect(
      [...svg.matchAll(/<rect [^>]*height="([\d.]+)" fill="#000"><title>/g)].map((match) => match[1]),
    ).toEqual(['50.0', '100.0']);
    expect(svg).toContain('Openingen &lt;2026&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).not.toContain('<2026>');
  });

  it('writes shares as Dutch percentages and unknown values as a dash', () => {
    expect(formatShare(0.3333)).toBe('33,3 %');
    expect(formatShare(null)).toBe('–');
    expect(escapeHtml(`"x'`)).toBe('&quot;x&#39;');
  });
});
