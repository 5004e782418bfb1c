import { FormEvent, useEffect, useId, useState } from 'react';
import type { RowProblem } from '../../../../libs/domain/src/exchange/row-problem';
import { api, ApiError, upload } from '../api/client';
import type { ImportView } from '../api/types';
import { useAuth } from '../auth/auth';
import { Page } from '../components/common';
import { CsvExportButton } from '../components/CsvExportButton';
import { LinkReason } from '../components/LinkReason';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { rowProblemText } from '../i18n/row-problems';

/** A kind of file a person uploads here: where it goes, the page's texts, and where the session keeps its imports. */
export interface ImportKind {
  /** Where the files go and are followed, e.g. /caseload-imports. */
  path: string;
  /** Query parameters of the upload besides the file name. */
  uploadQuery?: string;
  title: MessageKey;
  intro: MessageKey;
  sessionKey: string;
}

export const REGISTRATION_IMPORTS = (partner: 'VDAB' | 'ACTIRIS'): ImportKind => ({
  path: '/registration-imports',
  uploadQuery: `partner=${partner}`,
  title: 'imports.title',
  intro: 'imports.intro',
  sessionKey: 'inburgering.imports',
});

/** A municipality's participation activities (the fourth pillar's hours), uploaded by its coordinator. */
export const PARTICIPATION_IMPORTS: ImportKind = {
  path: '/participation-activity-imports',
  title: 'participationImports.title',
  intro: 'participationImports.intro',
  sessionKey: 'inburgering.participation-imports',
};

/** A test centre's or course provider's enrolments, attendance and test results. */
export const COURSE_RECORD_IMPORTS: ImportKind = {
  path: '/course-record-imports',
  title: 'courseRecordImports.title',
  intro: 'courseRecordImports.intro',
  sessionKey: 'inburgering.course-record-imports',
};

export const CASELOAD_IMPORTS: ImportKind = {
  path: '/caseload-imports',
  title: 'caseloadImports.title',
  intro: 'caseloadImports.intro',
  sessionKey: 'inburgering.caseload-imports',
};

/** A row that did not go through, as the import's JSON report gives it. */
interface ProblemRow {
  rowNumber: number;
  outcome: string;
  fields: string;
  reason: string;
  problems: RowProblem[];
}

/**
 * A file uploaded and followed (progress bar) until its problem rows can be read, each problem in the reader's
 * language: a partner's registrations, an agency's caseload, a municipality's participation activities, a test
 * centre's course records.
 */
export function ImportsPage({ kind }: { kind?: ImportKind }) {
  const { t, label } = useI18n();
  const { session } = useAuth();
  const files = kind ?? REGISTRATION_IMPORTS(session?.organisation === 'ACTIRIS' ? 'ACTIRIS' : 'VDAB');
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [current, setCurrent] = useState<ImportView | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [problems, setProblems] = useState<ProblemRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [history, setHistory] = useState<string[]>(
    () => JSON.parse(sessionStorage.getItem(files.sessionKey) ?? '[]') as string[],
  );

  useEffect(() => {
    if (!current || current.status === 'COMPLETED') return;
    const timer = setTimeout(async () => {
      try {
        setCurrent(await api<ImportView>(`${files.path}/${current.importId}`));
      } catch (error) {
        setFailure((error as Error).message);
      }
    }, 700);
    return () => clearTimeout(timer);
  }, [current]);

  useEffect(() => {
    if (current?.status !== 'COMPLETED') return;
    api<{ items: ProblemRow[] }>(`${files.path}/${current.importId}/problems?format=json`)
      .then(({ items }) => setProblems(items))
      .catch((error: Error) => setFailure(error.message));
  }, [current?.status, current?.importId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setProblems(null);
    if (!file) return setFileError(t('imports.noFile'));
    setFileError(null);
    setUploaded(0);
    const jsonLines = /\.(jsonl|ndjson)$/i.test(file.name);
    try {
      const staged = await upload<{ importId: string; duplicate: boolean }>(
        `${files.path}?${files.uploadQuery ? `${files.uploadQuery}&` : ''}fileName=${encodeURIComponent(file.name)}`,
        file,
        jsonLines ? 'application/x-ndjson' : 'text/csv',
        setUploaded,
      );
      setDuplicate(staged.duplicate);
      const next = [staged.importId, ...history.filter((known) => known !== staged.importId)].slice(0, 20);
      sessionStorage.setItem(files.sessionKey, JSON.stringify(next));
      setHistory(next);
      setCurrent(await api<ImportView>(`${files.path}/${staged.importId}`));
    } catch (error) {
      setUploaded(null);
      setFailure(error instanceof ApiError ? error.message : (error as Error).message);
    }
  };

  const percent = uploaded === null ? null : Math.round(uploaded * 100);
  return (
    <Page title={t(files.title)} intro={t(files.intro)}>
      <form onSubmit={submit} noValidate className="panel">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('field.file')}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
          />
          {fileError ? (
            <span id={`${id}-file-error`} className="error">
              {fileError}
            </span>
          ) : null}
        </div>
        <button type="submit">{t('imports.upload')}</button>
        {percent !== null ? (
          <div className="progress">
            <label htmlFor={`${id}-upload`}>{t('imports.uploading', { percent })}</label>
            <progress
              id={`${id}-upload`}
              max={100}
              value={percent}
              aria-label={t('imports.uploadProgress')}
            />
          </div>
        ) : null}
      </form>
      {failure ? (
        <p role="alert" className="alert">
          {t('form.rejected', { detail: failure })}
        </p>
      ) : null}
      {current ? (
        <section aria-labelledby={`${id}-current`} className="panel">
          <h2 id={`${id}-current`}>
            {current.fileName ?? current.importId} — {label('imports.status.', current.status)}
          </h2>
          {duplicate ? <p>{t('imports.duplicate')}</p> : null}
          <p aria-live="polite">
            {t('imports.processing', { done: current.rowsDone, total: current.totalRows })}
          </p>
          <progress
            max={Math.max(1, current.totalRows)}
            value={current.rowsDone}
            aria-label={t('imports.processingProgress')}
          />
          <ul className="plain counts">
            {Object.entries(current.outcomes).map(([outcome, count]) => (
              <li key={outcome}>
                {label('imports.outcome.', outcome)}: <strong>{count}</strong>
              </li>
            ))}
          </ul>
          {problems ? (
            <>
              <h3>{t('imports.problems')}</h3>
              {problems.length === 0 ? (
                <p>{t('imports.problems.none')}</p>
              ) : (
                <CsvExportButton
                  path={`${files.path}/${current.importId}/problems`}
                  fileName={`probleemrijen-${current.importId}.csv`}
                />
              )}
              {problems.length === 0 ? null : (
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('imports.col.row')}</th>
                        <th scope="col">{t('imports.col.outcome')}</th>
                        <th scope="col">{t('imports.col.fields')}</th>
                        <th scope="col">{t('imports.col.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {problems.map((row) => (
                        <tr key={row.rowNumber}>
                          <th scope="row">{row.rowNumber}</th>
                          <td>{label('imports.outcome.', row.outcome)}</td>
                          <td>
                            {row.fields
                              .split(' ')
                              .filter(Boolean)
                              .map((field) => label('field.', field))
                              .join(', ')}
                          </td>
                          <td>
                            <ProblemsOfRow row={row} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          ) : null}
        </section>
      ) : null}
      {history.length ? (
        <section aria-labelledby={`${id}-history`} className="panel">
          <h2 id={`${id}-history`}>{t('imports.session')}</h2>
          <ul className="plain">
            {history.map((importId) => (
              <li key={importId}>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api<ImportView>(`${files.path}/${importId}`).then(setCurrent, (error: Error) =>
                      setFailure(error.message),
                    )
                  }
                >
                  {importId}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

/** Why a row did not go through: each of its problems, in the reader's language where the app knows the problem. */
function ProblemsOfRow({ row }: { row: ProblemRow }) {
  if (!row.problems.length) return <span lang="en">{row.reason}</span>;
  if (row.problems.length === 1) return <ProblemText problem={row.problems[0]!} />;
  return (
    <ul className="plain">
      {row.problems.map((problem, index) => (
        <li key={index}>
          <ProblemText problem={problem} />
        </li>
      ))}
    </ul>
  );
}

function ProblemText({ problem }: { problem: RowProblem }) {
  const { language, t, label } = useI18n();
  const worded = rowProblemText(problem, language, t, label);
  if (worded !== undefined) return <>{worded}</>;
  // A linking outcome carries the reconciliation queue's text, which has Dutch of its own.
  if (problem.key === undefined && problem.field === 'row') return <LinkReason reason={problem.reason} />;
  const english = problem.reason.startsWith(`${problem.field} `)
    ? problem.reason
    : `${problem.field}: ${problem.reason}`;
  return <span lang={language === 'en' ? undefined : 'en'}>{english}</span>;
}
