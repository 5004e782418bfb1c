import { useState } from 'react';
import { apiBlob } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage } from './common';

/**
 * Exports a list as the API's CSV: `path` is the list's route (or its whole-list route, for a list shown a page at
 * a time) asked with Accept: text/csv, so the file has the rows (and scope) the API gives for the same filters;
 * downloaded with the user's token.
 */
export function CsvExportButton({ path, fileName }: { path: string; fileName: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | undefined>(undefined);
  const exportCsv = async () => {
    setError(undefined);
    try {
      saveBlob(await apiBlob(path, 'text/csv'), fileName);
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void exportCsv()}>
        {t('app.exportCsv')}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}

/** Saves a file the browser holds under `fileName`. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
