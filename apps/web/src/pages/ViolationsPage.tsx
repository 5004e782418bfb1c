import { useState } from 'react';
import { api, query } from '../api/client';
import type { Page as ApiPage, ViolationListItem } from '../api/types';
import { ErrorMessage, Loading, NationalNumber, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { CommandFormView } from '../forms/CommandFormView';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n';

/** The enforcement officer's queue: violation files awaiting a decision, the oldest first; a decision per file. */
export function ViolationsPage() {
  const { t, label } = useI18n();
  const path = `/violations${query({ state: 'OPEN', limit: 200 })}`;
  const { data, error, loading, reload } = useLoad(() => api<ApiPage<ViolationListItem>>(path), [path]);
  const [open, setOpen] = useState<ViolationListItem | null>(null);
  const [decided, setDecided] = useState(false);
  return (
    <Page title={t('violations.title')} intro={t('violations.intro')}>
      {decided ? (
        <p role="status" className="success">
          {t('violations.decided')}
        </p>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p>{t('violations.empty')}</p> : null}
      {data && data.items.length > 0 ? <CsvExportButton path={path} fileName="inbreukdossiers.csv" /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('violations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('violations.col.person')}</th>
                <th scope="col">{t('trajectory.nationalNumber')}</th>
                <th scope="col">{t('violations.col.kind')}</th>
                <th scope="col">{t('violations.col.facts')}</th>
                <th scope="col">{t('violations.col.opened')}</th>
                <th scope="col">{t('violations.col.agency')}</th>
                <th scope="col">{t('violations.decide')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.violationId}>
                  <th scope="row">
                    {item.familyName}, {item.givenName}
                  </th>
                  <td>
                    <NationalNumber value={item.nationalNumber} />
                  </td>
                  <td>{label('violation.', item.kind)}</td>
                  <td>{item.facts}</td>
                  <td>{formatDate(item.openedAt)}</td>
                  <td>{item.agency}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`${t('violations.decide')}: ${item.familyName}, ${item.givenName}`}
                      onClick={() => setOpen(item)}
                    >
                      {t('violations.decide')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? (
        <div className="panel">
          <CommandFormView
            key={open.violationId}
            title="violations.decideTitle"
            fields={[
              {
                name: 'decision',
                label: 'field.decision',
                type: 'select',
                required: true,
                options: ['NO_FINE', 'FINE'],
                optionLabel: 'option.',
              },
              { name: 'amountEuro', label: 'field.amountEuro', type: 'number', min: 1, max: 5000 },
              { name: 'decidedOn', label: 'field.decidedOn', type: 'date', required: true },
              { name: 'explanation', label: 'field.explanation', type: 'textarea', maxLength: 2000 },
            ]}
            onSubmit={(body) =>
              api(`/trajectories/${open.trajectoryId}/violations/${open.violationId}/decision`, {
                body,
                idempotencyKey: crypto.randomUUID(),
              })
            }
            onDone={() => {
              setOpen(null);
              setDecided(true);
              reload();
            }}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : null}
    </Page>
  );
}
