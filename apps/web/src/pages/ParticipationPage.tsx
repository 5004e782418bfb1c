import { useState } from 'react';
import { api, query } from '../api/client';
import type { ParticipationHoursReport, SearchHit } from '../api/types';
import { useAuth } from '../auth/auth';
import { ErrorMessage, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { PARTICIPATION_FIELDS } from '../forms/commands';
import { CommandFormView } from '../forms/CommandFormView';
import { endNotBeforeStart } from '../forms/fields';
import { useI18n } from '../i18n/i18n';
import { SearchPanel } from './SearchPanel';

/** The municipality coordinator: find a newcomer of the municipality, log an activity and its hours; the totals. */
export function ParticipationPage() {
  const { t, label } = useI18n();
  const { session } = useAuth();
  const [chosen, setChosen] = useState<{ hit: SearchHit; purpose: string } | null>(null);
  const [logged, setLogged] = useState(false);
  const totalsPath = `/participation-hours${query({ municipality: session?.municipality })}`;
  const totals = useLoad(() => api<ParticipationHoursReport>(totalsPath), [totalsPath]);
  return (
    <Page title={t('participation.title')} intro={t('participation.intro')}>
      <SearchPanel
        onSelect={(hit, purpose) => {
          setLogged(false);
          setChosen({ hit, purpose });
        }}
      />
      {logged ? (
        <p role="status" className="success">
          {t('participation.logged')}
        </p>
      ) : null}
      {chosen ? (
        <div className="panel">
          <p>{t('participation.selected', { name: `${chosen.hit.givenName} ${chosen.hit.familyName}` })}</p>
          <CommandFormView
            key={chosen.hit.trajectoryId}
            title="participation.log"
            fields={PARTICIPATION_FIELDS}
            checks={[endNotBeforeStart]}
            onSubmit={(body) =>
              api(`/trajectories/${chosen.hit.trajectoryId}/participation/activities`, {
                body,
                purpose: chosen.purpose,
                idempotencyKey: crypto.randomUUID(),
              })
            }
            onDone={() => {
              setChosen(null);
              setLogged(true);
              totals.reload();
            }}
            onCancel={() => setChosen(null)}
          />
        </div>
      ) : null}
      <section aria-labelledby="totals-title" className="panel">
        <h2 id="totals-title">{t('participation.totals')}</h2>
        {totals.error ? <ErrorMessage error={totals.error} onRetry={totals.reload} /> : null}
        {totals.data ? (
          <>
            <p>
              {t('participation.total', { hours: totals.data.hours, activities: totals.data.activities })}
            </p>
            <CsvExportButton path={totalsPath} fileName="participatie-uren.csv" />
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('participation.col.kind')}</th>
                  <th scope="col">{t('participation.col.hours')}</th>
                  <th scope="col">{t('participation.col.activities')}</th>
                  <th scope="col">{t('participation.col.trajectories')}</th>
                </tr>
              </thead>
              <tbody>
                {totals.data.items.map((item) => (
                  <tr key={`${item.municipality}-${item.kind}`}>
                    <th scope="row">{label('option.', item.kind)}</th>
                    <td>{item.hours}</td>
                    <td>{item.activities}</td>
                    <td>{item.trajectories}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
    </Page>
  );
}
