import { useId, useState } from 'react';
import { ATTENTION_GROUPS, AttentionGroup } from '../../../../libs/domain/src/caseload/attention';
import { api, query } from '../api/client';
import type { CaseloadItem, Page as ApiPage } from '../api/types';
import { useAuth } from '../auth/auth';
import { ErrorMessage, Loading, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { Pager, useLastPageWhenEmptied } from '../components/Pager';
import { Link } from '../components/router';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n';
import { SearchPanel } from './SearchPanel';

/** Rows per page of the caseload. */
export const CASELOAD_PAGE_SIZE = 100;

/**
 * My caseload: what needs attention first (overdue, due soon, waiting for me), with filters and a search. The API
 * classifies, filters, orders and counts the whole caseload; the page shows it a page at a time.
 */
export function CaseloadPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  const id = useId();
  const [scope, setScope] = useState<'mine' | 'agency'>(session?.role === 'manager' ? 'agency' : 'mine');
  const [group, setGroup] = useState<AttentionGroup | ''>('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const filters = {
    agency: session?.organisation,
    counsellorId: scope === 'mine' ? session?.subject : undefined,
    attention: group,
    status,
  };
  const path = `/caseload${query({ ...filters, limit: CASELOAD_PAGE_SIZE, offset })}`;
  const { data, error, loading, reload } = useLoad(() => api<ApiPage<CaseloadItem>>(path), [path]);
  useLastPageWhenEmptied(data, offset, CASELOAD_PAGE_SIZE, setOffset);
  /** A filter changed: its first page. */
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };
  return (
    <Page title={t('caseload.title')} intro={t('caseload.intro')}>
      <SearchPanel />
      <form
        className="filters"
        aria-label={t('caseload.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('caseload.scope')}</label>
          <select
            id={`${id}-scope`}
            value={scope}
            onChange={(event) => filtered(setScope)(event.target.value as 'mine' | 'agency')}
          >
            <option value="mine">{t('caseload.scope.mine')}</option>
            <option value="agency">{t('caseload.scope.agency')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('caseload.group')}</label>
          <select
            id={`${id}-group`}
            value={group}
            onChange={(event) => filtered(setGroup)(event.target.value as AttentionGroup | '')}
          >
            <option value="">{t('caseload.group.all')}</option>
            {ATTENTION_GROUPS.map((value) => (
              <option key={value} value={value}>
                {t(`caseload.group.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('caseload.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => filtered(setStatus)(event.target.value)}
          >
            <option value="">{t('caseload.status.all')}</option>
            <option value="OPEN">{t('status.OPEN')}</option>
            <option value="SUSPENDED">{t('status.SUSPENDED')}</option>
          </select>
        </div>
      </form>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {data ? <p aria-live="polite">{t('caseload.count', { count: data.total })}</p> : null}
      {data && data.total > 0 ? (
        <Pager
          label={t('caseload.pages')}
          offset={offset}
          shown={data.items.length}
          total={data.total}
          pageSize={CASELOAD_PAGE_SIZE}
          onOffset={setOffset}
        />
      ) : null}
      {data && data.items.length > 0 ? (
        <CsvExportButton path={`/caseload/export${query(filters)}`} fileName="dossiers.csv" />
      ) : null}
      {data ? <CaseloadTable items={data.items} /> : null}
    </Page>
  );
}

/** A page of the caseload as the API ordered and classified it. */
export function CaseloadTable({ items }: { items: readonly CaseloadItem[] }) {
  const { t, label } = useI18n();
  return (
    <>
      {items.length === 0 ? (
        <p>{t('caseload.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('caseload.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseload.col.name')}</th>
                <th scope="col">{t('caseload.col.attention')}</th>
                <th scope="col">{t('caseload.col.phase')}</th>
                <th scope="col">{t('caseload.col.next')}</th>
                <th scope="col">{t('caseload.col.missed')}</th>
                <th scope="col">{t('caseload.col.violations')}</th>
                <th scope="col">{t('caseload.col.registered')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.trajectoryId} data-attention={item.attention}>
                  <th scope="row">
                    <Link href={`/app/trajectories/${item.trajectoryId}`}>
                      {item.familyName}, {item.givenName}
                    </Link>
                  </th>
                  <td>
                    <span className={`badge badge-${item.attention.toLowerCase()}`}>
                      {t(`caseload.group.${item.attention}`)}
                    </span>
                  </td>
                  <td>
                    {label('phase.', item.phase)}
                    {item.status !== 'OPEN' ? ` (${label('status.', item.status)})` : ''}
                  </td>
                  <td>
                    {item.nextDeadline
                      ? `${label('deadline.', item.nextDeadline.kind)}: ${formatDate(item.nextDeadline.dueOn)}`
                      : '–'}
                  </td>
                  <td>{item.missedDeadlines}</td>
                  <td>{item.openViolations}</td>
                  <td>{formatDate(item.registeredOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
