import { type FormEvent, useId, useState } from 'react';
import { MAX_DOSSIER_ID_LENGTH } from '../../../../libs/domain/src/exchange/vdab-registration-row';
import { api, query } from '../api/client';
import type { Page as ApiPage, ReconciliationItem } from '../api/types';
import { ErrorMessage, Loading, NationalNumber, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { LinkReason } from '../components/LinkReason';
import { Pager, useLastPageWhenEmptied } from '../components/Pager';
import { CommandFormView } from '../forms/CommandFormView';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n';

/** Rows per page of the queue. */
export const RECONCILIATION_PAGE_SIZE = 100;

/**
 * The VDAB/Actiris reconciliation queue, the oldest first, a page at a time: link a registration to a trajectory, or
 * dismiss it with a reason. A registration is found by the partner's dossier id, however long the queue.
 */
export function ReconciliationPage() {
  const { t, label } = useI18n();
  const id = useId();
  const [dossierDraft, setDossierDraft] = useState('');
  const [dossier, setDossier] = useState('');
  const [offset, setOffset] = useState(0);
  const path = `/reconciliation${query({
    state: 'OPEN',
    partnerDossierId: dossier,
    limit: RECONCILIATION_PAGE_SIZE,
    offset,
  })}`;
  const { data, error, loading, reload } = useLoad(() => api<ApiPage<ReconciliationItem>>(path), [path]);
  const [open, setOpen] = useState<{ itemId: string; mode: 'link' | 'dismiss' } | null>(null);
  const [resolved, setResolved] = useState(false);
  useLastPageWhenEmptied(data, offset, RECONCILIATION_PAGE_SIZE, setOffset);
  const find = (event: FormEvent) => {
    event.preventDefault();
    setDossier(dossierDraft.trim());
    setOffset(0);
  };
  return (
    <Page title={t('reconciliation.title')} intro={t('reconciliation.intro')}>
      <form className="filters" role="search" aria-label={t('reconciliation.find')} onSubmit={find}>
        <div className="field">
          <label htmlFor={`${id}-dossier`}>{t('reconciliation.col.dossier')}</label>
          <input
            id={`${id}-dossier`}
            type="search"
            value={dossierDraft}
            maxLength={MAX_DOSSIER_ID_LENGTH}
            onChange={(event) => setDossierDraft(event.target.value)}
          />
        </div>
        <button type="submit">{t('reconciliation.find')}</button>
      </form>
      {resolved ? (
        <p role="status" className="success">
          {t('reconciliation.resolved')}
        </p>
      ) : null}
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {data && data.items.length === 0 ? <p>{t('reconciliation.empty')}</p> : null}
      {data && data.total > 0 ? (
        <Pager
          label={t('reconciliation.pages')}
          offset={offset}
          shown={data.items.length}
          total={data.total}
          pageSize={RECONCILIATION_PAGE_SIZE}
          onOffset={(next) => {
            setOffset(next);
            setOpen(null);
          }}
        />
      ) : null}
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
                  <td>
                    <LinkReason reason={item.reason} refusal={item.refusal ?? null} />
                  </td>
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
