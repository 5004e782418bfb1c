/** Text for HTML: the five characters that could open markup or end an attribute, escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Dutch number formatting: decimal comma, thin grouping; `null` is "–" (not known). */
export function formatNumber(value: number | null, decimals = 0): string {
  if (value === null) return '–';
  return value.toLocaleString('nl-BE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatShare(value: number | null): string {
  return value === null ? '–' : `${formatNumber(value * 100, 1)} %`;
}
