import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** Which rows of a list the page shows ("Rijen 101–200 van 250"), and the way to the pages before and after. */
export function Pager({
  label,
  offset,
  shown,
  total,
  pageSize,
  onOffset,
}: {
  /** What the pages are of, for assistive technology. */
  label: string;
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset(offset: number): void;
}) {
  const { t } = useI18n();
  return (
    <nav className="actions" aria-label={label}>
      <p aria-live="polite">{t('pager.range', { from: offset + 1, to: offset + shown, total })}</p>
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {t('pager.previous')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}

/**
 * When a page past the first comes back empty (its rows left the list meanwhile: resolved, closed, moved to another
 * group), goes to the last page there is instead of showing an empty one past the end.
 */
export function useLastPageWhenEmptied(
  page: { items: readonly unknown[]; total: number } | undefined,
  offset: number,
  pageSize: number,
  setOffset: (offset: number) => void,
): void {
  useEffect(() => {
    if (page && page.items.length === 0 && offset > 0)
      setOffset(Math.max(0, Math.ceil(page.total / pageSize) - 1) * pageSize);
  }, [page, offset, pageSize, setOffset]);
}
