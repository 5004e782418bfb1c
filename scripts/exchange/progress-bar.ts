/** A text progress bar: `[##########----------]  50%  2,500/5,000 rows`. */
export function progressBar(done: number, total: number, width = 30, unit = 'rows'): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const count = `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}  ${count}`;
}
