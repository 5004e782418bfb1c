import { FormEvent, useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, apiBlob, query } from '../api/client';
import { ErrorMessage, Loading, useLoad } from '../components/common';
import { saveBlob } from '../components/CsvExportButton';
import { todayInBrussels } from '../format/format';
import { useI18n } from '../i18n/i18n';
import {
  AGENCY_COLUMNS,
  chartValue,
  formatFigure,
  groupValue,
  KeyFiguresAnswer,
  startOfYear,
} from './key-figures';
import { KeyFiguresTable } from './KeyFiguresTable';

/** At least 3:1 contrast against white (WCAG 1.4.11). */
const BAR_COLOUR = '#1f4e99';
const DEFAULT_FIGURE = 'vdab-registered-within-two-months';

/**
 * The key figures of GET /key-figures for a period, the three agencies side by side: a chart of one figure, the
 * table of all with their definitions and sources, the API's CSV and the annual report of the period's year.
 */
export function KeyFiguresSection() {
  const { t } = useI18n();
  const id = useId();
  const today = todayInBrussels();
  const [period, setPeriod] = useState({ from: startOfYear(today), to: today });
  const [draft, setDraft] = useState(period);
  const [figureId, setFigureId] = useState(DEFAULT_FIGURE);
  const [fileError, setFileError] = useState<Error | undefined>();
  const invalid = draft.from === '' || draft.to === '' || draft.to < draft.from;
  const path = (format?: string) =>
    `/key-figures${query({ from: period.from, to: period.to, groupBy: 'agency', format })}`;
  const { data, error, reload } = useLoad(() => api<KeyFiguresAnswer>(path()), [period.from, period.to]);
  const year = period.to.slice(0, 4);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) setPeriod(draft);
  };
  const download = async (from: string, accept: string, fileName: string) => {
    setFileError(undefined);
    try {
      saveBlob(await apiBlob(from, accept), fileName);
    } catch (failure) {
      setFileError(failure as Error);
    }
  };

  return (
    <section aria-labelledby="figures-title" className="panel">
      <h2 id="figures-title">{t('dashboard.keyFigures')}</h2>
      <p id="figures-desc">{t('keyFigures.desc')}</p>
      <form className="filters" aria-label={t('keyFigures.period')} onSubmit={apply} noValidate>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('keyFigures.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('keyFigures.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-period-error` : undefined}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </div>
        <button type="submit" disabled={invalid}>
          {t('keyFigures.show')}
        </button>
        {invalid ? (
          <p id={`${id}-period-error`} className="error">
            {t('keyFigures.invalidPeriod')}
          </p>
        ) : null}
      </form>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void download(path('csv'), 'text/csv', `kerncijfers-${period.from}-${period.to}.csv`)
          }
        >
          {t('app.exportCsv')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void download(`/reports/annual/${year}`, 'text/html', `jaarverslag-${year}.html`)}
        >
          {t('keyFigures.annualReport.html', { year })}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void download(`/reports/annual/${year}.pdf`, 'application/pdf', `jaarverslag-${year}.pdf`)
          }
        >
          {t('keyFigures.annualReport.pdf', { year })}
        </button>
      </div>
      {fileError ? <ErrorMessage error={fileError} /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <KeyFiguresChart answer={data} figureId={figureId} onFigure={setFigureId} />
          <KeyFiguresTable answer={data} />
        </>
      ) : null}
    </section>
  );
}

function KeyFiguresChart(props: {
  answer: KeyFiguresAnswer;
  figureId: string;
  onFigure: (id: string) => void;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const locale = language === 'nl' ? 'nl-BE' : 'en-BE';
  const figure =
    props.answer.figures.find((candidate) => candidate.id === props.figureId) ?? props.answer.figures[0];
  if (!figure) return null;
  const rows = AGENCY_COLUMNS.map((agency) => {
    const group = groupValue(figure, agency);
    return {
      agency: group?.label ?? agency,
      value: chartValue(group?.value ?? null, figure.unit),
      shown: formatFigure(group?.value ?? null, figure.unit, locale),
    };
  });
  const label = figure.label[language];
  const description = t('keyFigures.chart.desc', {
    figure: label,
    values: rows.map((row) => `${row.agency}: ${row.shown}`).join('; '),
  });
  return (
    <figure aria-labelledby={`${id}-caption`}>
      <div className="field">
        <label htmlFor={`${id}-figure`}>{t('keyFigures.chartFigure')}</label>
        <select
          id={`${id}-figure`}
          value={figure.id}
          onChange={(event) => props.onFigure(event.target.value)}
        >
          {props.answer.figures.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label[language]}
            </option>
          ))}
        </select>
      </div>
      <figcaption id={`${id}-caption`}>{label}</figcaption>
      <div className="chart" role="img" aria-label={description}>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="agency" />
            <YAxis allowDecimals unit={figure.unit === 'share' ? '%' : undefined} />
            <Tooltip
              formatter={(_value, _name, item) => [(item.payload as { shown: string }).shown, label]}
            />
            <Bar dataKey="value" name={label} fill={BAR_COLOUR} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
