import { useState } from 'react';
import { api, query } from '../api/client';
import type { Page as ApiPage, ReconciliationItem } from '../api/types';
import { ErrorMessage, Loading, NationalNumber, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { CommandFormView } from '../forms/CommandFormView';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n';

/** The VDAB/Actiris reconciliation queue: link a registration to a trajectory, or dismiss it with a reason. */
export function ReconciliationPage() {
  const { t, label } = useI18n();
  const path = `/reconciliation${query({ state: 'OPEN', limit: 200 })}`;
  const { data, error, loading, reload } = useLoad(() => api<ApiPage<ReconciliationItem>>(path), [path]);
  const [open, setOpen] = useState<{ itemId: string; mode: 'link' | 'dismiss' } | null>(null);
  const [resolved, setResolved] = useState(false);
  return (
    <Page title={t('reconciliation.title')} intro={t('reconciliation.intro')}>
      {resolved ? (
        <p role="status" className="success">
          {t('reconciliation.resolved')}
        </p>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p>{t('reconciliation.empty')}</p> : null}
      {data && data.items.length > 0 ? <CsvExportButton path={path} fileName="vdab-afstemming.csv" /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reconciliation.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.col.dossier')}</th>
                <th scope="col">{t('reconciliation.col.partner')}</th>
                <th scope="col">{t('reconciliation.col.kind')}</th>
                <th scope="col">{t('reconciliation.col.reason')}</th>
                <th scope="col">{t('reconciliation.col.nationalNumber')}</th>
                <th scope="col">{t('reconciliation.col.registeredOn')}</th>
                <th scope="col">{t('reconciliation.col.office')}</th>
                <th scope="col">{t('reconciliation.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.itemId} data-item={item.itemId}>
                  <th scope="row">{item.partnerDossierId}</th>
                  <td>{item.partner}</td>
                  <td>{label('reconciliation.kind.', item.kind)}</td>
                  <td>{item.reason}</td>
                  <td>
                    <NationalNumber value={item.nationalNumber} />
                  </td>
                  <td>{formatDate(item.registeredOn)}</td>
                  <td>{item.office}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      aria-label={`${t('reconciliation.link')} ${item.partnerDossierId}`}
                      onClick={() => setOpen({ itemId: item.itemId, mode: 'link' })}
                    >
                      {t('reconciliation.link')}
                    </button>{' '}
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${t('reconciliation.dismiss')} ${item.partnerDossierId}`}
                      onClick={() => setOpen({ itemId: item.itemId, mode: 'dismiss' })}
                    >
                      {t('reconciliation.dismiss')}
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
            key={`${open.itemId}-${open.mode}`}
            title={open.mode === 'link' ? 'reconciliation.linkTitle' : 'reconciliation.dismissTitle'}
            fields={
              open.mode === 'link'
                ? [
                    {
                      name: 'trajectoryId',
                      label: 'field.trajectoryId',
                      type: 'text',
                      required: true,
                      maxLength: 36,
                    },
                  ]
                : [{ name: 'reason', label: 'field.reason', type: 'text', required: true, maxLength: 500 }]
            }
            submitLabel={open.mode === 'link' ? 'reconciliation.link' : 'reconciliation.dismiss'}
            onSubmit={(body) =>
              api(`/reconciliation/${open.itemId}/${open.mode}`, {
                body,
                idempotencyKey: crypto.randomUUID(),
              })
            }
            onDone={() => {
              setOpen(null);
              setResolved(true);
              reload();
            }}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : null}
    </Page>
  );
}
