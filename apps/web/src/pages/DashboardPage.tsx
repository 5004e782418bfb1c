import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, query } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorMessage, Loading, Page, useLoad } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { KeyFiguresSection } from '../dashboard/KeyFiguresSection';
import { formatDate } from '../format/format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';

interface TrendWeek {
  week: string;
  weekStart: string;
  fallingDue: number;
  metOnTime: number;
  metLate: number;
  missed: number;
  pending: number;
}

interface Counts {
  key: string | null;
  label: string | null;
  overdue: number;
  metLate: number;
  metOnTime: number;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11). */
const COLOURS = {
  metOnTime: '#1a7f37',
  metLate: '#9a6700',
  missed: '#b42318',
  pending: '#1f4e99',
  overdue: '#b42318',
};

/**
 * Managers' dashboard: the agencies' key figures (GET /key-figures), the deadline load per week and per counsellor
 * (GET /monitoring/...); CSV export.
 */
export function DashboardPage() {
  const { t } = useI18n();
  return (
    <Page title={t('dashboard.title')} intro={t('dashboard.intro.keyFigures')}>
      <KeyFiguresSection />
      <TrendChart />
      <CounsellorChart />
    </Page>
  );
}

function ChartSection(props: {
  id: string;
  title: MessageKey;
  description: MessageKey;
  /** The API's list behind the chart, exported as its CSV. */
  path: string;
  fileName: string;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${props.id}-title`} className="panel">
      <h2 id={`${props.id}-title`}>{t(props.title)}</h2>
      <p id={`${props.id}-desc`}>{t(props.description)}</p>
      <CsvExportButton path={props.path} fileName={props.fileName} />
      {props.children}
    </section>
  );
}

function TrendChart() {
  const { t } = useI18n();
  const { session } = useAuth();
  const path = `/monitoring/deadlines/trend${query({ weeks: 12, agency: session?.organisation })}`;
  const { data, error, reload } = useLoad(() => api<{ items: TrendWeek[] }>(path), [path]);
  const series = ['metOnTime', 'metLate', 'missed', 'pending'] as const;
  const columns: MessageKey[] = [
    'dashboard.col.metOnTime',
    'dashboard.col.metLate',
    'dashboard.col.missed',
    'dashboard.col.pending',
  ];
  const rows = data?.items ?? [];
  return (
    <ChartSection
      id="trend"
      title="dashboard.trend"
      description="dashboard.trend.desc"
      path={path}
      fileName="termijnen-per-week.csv"
    >
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <figure aria-labelledby="trend-title" aria-describedby="trend-desc">
          <div className="chart" role="img" aria-label={t('dashboard.trend.desc')}>
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={rows}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="week" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {series.map((name, index) => (
                  <Bar
                    key={name}
                    dataKey={name}
                    name={t(columns[index]!)}
                    stackId="weeks"
                    fill={COLOURS[name]}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary>{t('dashboard.table')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.col.week')}</th>
                  <th scope="col">{t('dashboard.col.fallingDue')}</th>
                  {columns.map((column) => (
                    <th scope="col" key={column}>
                      {t(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.week}>
                    <th scope="row">
                      {row.week} ({formatDate(row.weekStart)})
                    </th>
                    <td>{row.fallingDue}</td>
                    {series.map((name) => (
                      <td key={name}>{row[name]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ) : null}
    </ChartSection>
  );
}

function CounsellorChart() {
  const { t } = useI18n();
  const { session } = useAuth();
  const path = `/monitoring/deadlines${query({ groupBy: 'counsellor', agency: session?.organisation })}`;
  const { data, error, reload } = useLoad(() => api<{ items: Counts[] }>(path), [path]);
  const rows = (data?.items ?? []).map((row) => ({
    ...row,
    name: row.label ?? row.key ?? t('dashboard.noCounsellor'),
  }));
  const series = ['overdue', 'metLate', 'metOnTime'] as const;
  const columns: MessageKey[] = ['dashboard.col.overdue', 'dashboard.col.metLate', 'dashboard.col.metOnTime'];
  return (
    <ChartSection
      id="counsellors"
      title="dashboard.byCounsellor"
      description="dashboard.byCounsellor.desc"
      path={path}
      fileName="termijnen-per-begeleider.csv"
    >
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <figure aria-labelledby="counsellors-title" aria-describedby="counsellors-desc">
          <div className="chart" role="img" aria-label={t('dashboard.byCounsellor.desc')}>
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={rows}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {series.map((name, index) => (
                  <Bar key={name} dataKey={name} name={t(columns[index]!)} fill={COLOURS[name]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ) : null}
    </ChartSection>
  );
}
