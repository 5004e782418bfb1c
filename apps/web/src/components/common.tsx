import { ReactNode, useCallback, useEffect, useState } from 'react';
import { formatNationalNumber, maskNationalNumber } from '../format/format';
import { ApiError } from '../api/client';
import { Language, Translate, useI18n } from '../i18n/i18n';
import { rejectionText } from '../i18n/rejection-text';
import { seesFullNationalNumber } from '../auth/session';
import { useAuth } from '../auth/auth';

/** Loads data on mount and when `deps` change; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState((current) => ({ ...current, loading: true }));
    load().then(
      (data) => !cancelled && setState({ data, loading: false }),
      (error: Error) => !cancelled && setState({ error, loading: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { ...state, reload };
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}

type Label = (prefix: string, value: string | null | undefined) => string;

/**
 * Problems the app words itself, in the user's language; any other shows the API's detail. A refused command gives
 * the domain's reason (rejectionText).
 */
function errorText(error: Error, t: Translate, language: Language, label: Label): string {
  const refused = error instanceof ApiError ? rejectionText(error.problem, language, t, label) : undefined;
  return refused ? t('form.rejected', { detail: refused }) : t('app.error', { detail: error.message });
}

export function ErrorMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t, language, label } = useI18n();
  return (
    <div role="alert" className="alert">
      <p>{errorText(error, t, language, label)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A national number formatted, and masked unless the signed-in role needs it whole. */
export function NationalNumber({ value }: { value: string | null | undefined }) {
  const { session } = useAuth();
  if (!value) return <>–</>;
  return (
    <span className="nowrap">
      {session && seesFullNationalNumber(session.role)
        ? formatNationalNumber(value)
        : maskNationalNumber(value)}
    </span>
  );
}

export function Page({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Inburgering`;
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} id="page-title">
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}
