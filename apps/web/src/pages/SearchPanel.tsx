import { FormEvent, useId, useState } from 'react';
import { api, ApiError, query } from '../api/client';
import type { SearchHit } from '../api/types';
import { Link } from '../components/router';
import { useI18n } from '../i18n/i18n';

/**
 * Search a person by name or national number. The look-up is personal-data access: the API records it in the
 * audit trail with the reason asked for here (X-Audit-Purpose).
 */
export function SearchPanel({ onSelect }: { onSelect?: (hit: SearchHit, purpose: string) => void }) {
  const { t, label } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<{ q?: string; purpose?: string }>({});
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(text.trim().length < 2 ? { q: t('form.required') } : {}),
      ...(purpose.trim() === '' ? { purpose: t('form.required') } : {}),
    };
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    try {
      const answer = await api<{ items: SearchHit[] }>(`/caseload/search${query({ q: text.trim() })}`, {
        purpose: purpose.trim(),
      });
      setHits(answer.items);
    } catch (error) {
      if (error instanceof ApiError) {
        const byField = error.fieldErrors;
        setErrors({ q: byField.q, purpose: byField['X-Audit-Purpose'] });
        if (!byField.q && !byField['X-Audit-Purpose']) setFailure(error.message);
      } else setFailure((error as Error).message);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('search.title')}</h2>
      <form onSubmit={submit} noValidate className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('search.label')}</label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? `${id}-q-error` : undefined}
          />
          {errors.q ? (
            <span id={`${id}-q-error`} className="error">
              {errors.q}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-purpose`}>{t('search.purpose')}</label>
          <input
            id={`${id}-purpose`}
            name="purpose"
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
            aria-invalid={errors.purpose ? true : undefined}
            aria-describedby={`${id}-purpose-help${errors.purpose ? ` ${id}-purpose-error` : ''}`}
          />
          <span id={`${id}-purpose-help`} className="hint">
            {t('search.purposeHelp')}
          </span>
          {errors.purpose ? (
            <span id={`${id}-purpose-error`} className="error">
              {errors.purpose}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit">{t('search.button')}</button>
        </div>
      </form>
      {failure ? (
        <p role="alert" className="alert">
          {t('app.error', { detail: failure })}
        </p>
      ) : null}
      {hits ? (
        <div aria-live="polite">
          <h3>{t('search.results')}</h3>
          {hits.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ul className="plain">
              {hits.map((hit) => (
                <li key={hit.trajectoryId}>
                  {onSelect ? (
                    <button type="button" className="link" onClick={() => onSelect(hit, purpose.trim())}>
                      {hit.familyName}, {hit.givenName}
                    </button>
                  ) : (
                    <Link href={`/app/trajectories/${hit.trajectoryId}`}>
                      {hit.familyName}, {hit.givenName}
                    </Link>
                  )}{' '}
                  ({label('status.', hit.status)}, {hit.agency})
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
