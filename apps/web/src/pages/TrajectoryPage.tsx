import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { NextAction, Pillar, TimelineEntry, Trajectory } from '../api/types';
import { ErrorMessage, Loading, NationalNumber, Page, useLoad } from '../components/common';
import { COMMAND_FORMS, commandBody } from '../forms/commands';
import { CommandFormView } from '../forms/CommandFormView';
import { formatDate, formatDateTime } from '../format/format';
import { documentCited, nextActionText, pillarReasonText, targetGroupRuleText } from '../i18n/domain-texts';
import { hasMessage, useI18n } from '../i18n/i18n';

const PURPOSE_HEADER = 'X-Audit-Purpose';

/**
 * The trajectory: the person, the target group and the rule that decided it, the four pillars, every deadline
 * with its explanation and source, the next actions (each opens its command's form) and the timeline.
 */
export function TrajectoryPage({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useI18n();
  const [purpose, setPurpose] = useState<string | undefined>(undefined);
  const trajectory = useLoad(
    () => api<Trajectory>(`/trajectories/${trajectoryId}`, { purpose }),
    [trajectoryId, purpose],
  );
  const timeline = useLoad(
    () =>
      trajectory.data
        ? api<{ events: TimelineEntry[] }>(`/trajectories/${trajectoryId}/timeline`, { purpose })
        : Promise.resolve(undefined),
    [trajectoryId, purpose, trajectory.data],
  );
  const needsPurpose =
    trajectory.error instanceof ApiError &&
    trajectory.error.status === 400 &&
    PURPOSE_HEADER in trajectory.error.fieldErrors;

  if (needsPurpose) return <PurposeQuestion onGiven={setPurpose} />;
  if (trajectory.error) return <ErrorMessage error={trajectory.error} onRetry={trajectory.reload} />;
  if (!trajectory.data) return <Loading />;
  const data = trajectory.data;
  const reload = () => trajectory.reload();
  return (
    <Page title={t('trajectory.title', { name: `${data.givenName} ${data.familyName}` })}>
      <div className="grid">
        <PersonSection trajectory={data} />
        <TargetGroupSection trajectory={data} />
      </div>
      <NextActionsSection trajectory={data} purpose={purpose} onDone={reload} />
      <DeadlinesSection trajectory={data} />
      <PillarsSection pillars={data.pillars ?? []} />
      <TimelineSection events={timeline.data?.events} />
    </Page>
  );
}

function PurposeQuestion({ onGiven }: { onGiven: (purpose: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') return setError(true);
    onGiven(value.trim());
  };
  return (
    <Page title={t('trajectory.purposeNeeded')}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{t('trajectory.purposeLabel')}</label>
          <input
            id={id}
            name="purpose"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <span id={`${id}-error`} className="error">
              {t('form.required')}
            </span>
          ) : null}
        </div>
        <button type="submit">{t('trajectory.open')}</button>
      </form>
    </Page>
  );
}

function Definition({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PersonSection({ trajectory }: { trajectory: Trajectory }) {
  const { t, label } = useI18n();
  return (
    <section aria-labelledby="person-title" className="panel">
      <h2 id="person-title">{t('trajectory.person')}</h2>
      <dl>
        <Definition term={t('trajectory.nationalNumber')}>
          <NationalNumber value={trajectory.nationalNumber} />
        </Definition>
        {trajectory.birthDate ? (
          <Definition term={t('trajectory.birthDate')}>{formatDate(trajectory.birthDate)}</Definition>
        ) : null}
        {trajectory.municipality ? (
          <Definition term={t('trajectory.municipality')}>{trajectory.municipality}</Definition>
        ) : null}
        {trajectory.agency ? (
          <Definition term={t('trajectory.agency')}>{trajectory.agency}</Definition>
        ) : null}
        {trajectory.counsellorId !== undefined ? (
          <Definition term={t('trajectory.counsellor')}>{trajectory.counsellorId ?? '–'}</Definition>
        ) : null}
        <Definition term={t('trajectory.status')}>
          {label('status.', trajectory.status)}
          {trajectory.phase ? `, ${label('phase.', trajectory.phase)}` : ''}
        </Definition>
        {trajectory.registeredOn ? (
          <Definition term={t('trajectory.registeredOn')}>{formatDate(trajectory.registeredOn)}</Definition>
        ) : null}
        {trajectory.intakeOn !== undefined ? (
          <Definition term={t('trajectory.intakeOn')}>{formatDate(trajectory.intakeOn)}</Definition>
        ) : null}
        {trajectory.contractSignedOn !== undefined ? (
          <Definition term={t('trajectory.contractSignedOn')}>
            {formatDate(trajectory.contractSignedOn)}
          </Definition>
        ) : null}
        {trajectory.policyVersion ? (
          <Definition term={t('trajectory.policyVersion')}>{trajectory.policyVersion}</Definition>
        ) : null}
      </dl>
      {trajectory.attest ? (
        <p>
          {t('trajectory.attest', {
            number: trajectory.attest.attestNumber,
            date: formatDate(trajectory.attest.issuedOn),
          })}
        </p>
      ) : null}
    </section>
  );
}

function TargetGroupSection({ trajectory }: { trajectory: Trajectory }) {
  const { t, label } = useI18n();
  const group = trajectory.targetGroup;
  if (group === undefined) return null;
  const rule = group ? targetGroupRuleText(group.ruleId, t) : undefined;
  return (
    <section aria-labelledby="target-group-title" className="panel">
      <h2 id="target-group-title">{t('trajectory.targetGroup')}</h2>
      {group ? (
        <>
          <p className="big">{label('targetGroup.', group.status)}</p>
          <p>
            {t('trajectory.targetGroup.rule')}: <code>{group.ruleId}</code>
            {rule?.explanation ? <> — {rule.explanation}</> : null}
            {rule?.source ? <span className="source"> ({rule.source})</span> : null}
          </p>
          {group.overrideReason ? (
            <p>{t('trajectory.targetGroup.override', { reason: group.overrideReason })}</p>
          ) : null}
        </>
      ) : (
        <p>{t('trajectory.targetGroup.none')}</p>
      )}
    </section>
  );
}

function NextActionsSection({
  trajectory,
  purpose,
  onDone,
}: {
  trajectory: Trajectory;
  purpose?: string;
  onDone: () => void;
}) {
  const { t, label, language } = useI18n();
  const [open, setOpen] = useState<NextAction | null>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);
  const actions = trajectory.nextActions ?? [];
  if (trajectory.nextActions === undefined) return null;
  const form = open ? COMMAND_FORMS[open.action] : undefined;
  return (
    <section aria-labelledby="next-actions-title" className="panel">
      <h2 id="next-actions-title">{t('trajectory.nextActions')}</h2>
      {saved ? (
        <p role="status" className="success">
          {t('form.saved')}
        </p>
      ) : null}
      {actions.length === 0 ? <p>{t('trajectory.nextActions.none')}</p> : null}
      <ul className="plain actions-list">
        {actions.map((action, index) => {
          const key = `action.${action.action}`;
          const available = COMMAND_FORMS[action.action] !== undefined;
          return (
            <li key={`${action.action}-${index}`}>
              <button
                type="button"
                aria-expanded={open === action}
                disabled={!available}
                onClick={() => {
                  setSaved(false);
                  setOpen(open === action ? null : action);
                }}
              >
                {hasMessage(key) ? t(key) : action.action}
              </button>{' '}
              <span className="hint">
                {nextActionText(action, t, label, language)}
                {available ? '' : ` — ${t('trajectory.nextActions.unavailable')}`}
              </span>
            </li>
          );
        })}
      </ul>
      {open && form ? (
        <div ref={formRef}>
          <CommandFormView
            key={open.action}
            title={form.title}
            fields={form.fields}
            {...(form.checks ? { checks: form.checks } : {})}
            headingLevel={3}
            onSubmit={(body) =>
              api(form.path(trajectory.trajectoryId), {
                body: commandBody(open.action, body),
                purpose,
                idempotencyKey: crypto.randomUUID(),
              })
            }
            onDone={() => {
              setOpen(null);
              setSaved(true);
              onDone();
            }}
            onCancel={() => setOpen(null)}
          />
        </div>
      ) : null}
    </section>
  );
}

function DeadlinesSection({ trajectory }: { trajectory: Trajectory }) {
  const { t, label } = useI18n();
  if (trajectory.deadlines === undefined) return null;
  return (
    <section aria-labelledby="deadlines-title" className="panel">
      <h2 id="deadlines-title">{t('trajectory.deadlines')}</h2>
      {trajectory.deadlines.length === 0 ? (
        <p>{t('trajectory.deadlines.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('trajectory.deadline.kind')}</th>
                <th scope="col">{t('trajectory.deadline.dueOn')}</th>
                <th scope="col">{t('trajectory.deadline.state')}</th>
                <th scope="col">{t('trajectory.deadline.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {trajectory.deadlines.map((deadline) => {
                const explanation = `deadline.explain.${deadline.kind}`;
                return (
                  <tr key={deadline.deadlineId} data-deadline={deadline.kind}>
                    <th scope="row">{label('deadline.', deadline.kind)}</th>
                    <td>{formatDate(deadline.dueOn)}</td>
                    <td>
                      <span className={`badge badge-${deadline.state.toLowerCase()}`}>
                        {label('deadline.state.', deadline.state)}
                      </span>
                      {deadline.metOn ? ` (${formatDate(deadline.metOn)})` : ''}
                    </td>
                    <td>
                      {hasMessage(explanation) ? t(explanation) : deadline.kind}{' '}
                      <span className="source">
                        {t('trajectory.deadline.source', {
                          source: `${documentCited(deadline.source)} (${deadline.policyVersion})`,
                        })}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function pillarProgress(pillar: Pillar): number | undefined {
  if (pillar.status === 'COMPLETED' || pillar.status === 'WAIVED') return 100;
  if (pillar.targetHours && pillar.hours !== null)
    return Math.min(100, Math.round((pillar.hours / pillar.targetHours) * 100));
  if (pillar.status === 'IN_PROGRESS') return 50;
  if (pillar.status === 'NOT_STARTED') return 0;
  return undefined;
}

function PillarsSection({ pillars }: { pillars: Pillar[] }) {
  const { t, label } = useI18n();
  return (
    <section aria-labelledby="pillars-title" className="panel">
      <h2 id="pillars-title">{t('trajectory.pillars')}</h2>
      {pillars.length === 0 ? <p>{t('trajectory.pillars.none')}</p> : null}
      <ul className="pillars">
        {pillars.map((pillar) => {
          const progress = pillarProgress(pillar);
          const name = label('pillar.', pillar.pillar);
          return (
            <li key={pillar.pillar} className="pillar">
              <h3>{name}</h3>
              <p>
                {label('pillar.applicability.', pillar.applicability)} ·{' '}
                {label('pillar.status.', pillar.status)}
                {pillar.completedOn ? ` (${formatDate(pillar.completedOn)})` : ''}
              </p>
              {pillar.targetHours ? (
                <p>{t('pillar.hours', { hours: pillar.hours ?? 0, target: pillar.targetHours })}</p>
              ) : null}
              {pillar.targetLevel ? <p>{`${t('field.level')}: ${pillar.targetLevel}`}</p> : null}
              {progress !== undefined && pillar.applicability !== 'NOT_APPLICABLE' ? (
                <progress max={100} value={progress} aria-label={t('pillar.progress', { pillar: name })}>
                  {progress}%
                </progress>
              ) : null}
              <p className="hint">{pillarReasonText(pillar, t, label)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function TimelineSection({ events }: { events: TimelineEntry[] | undefined }) {
  const { t } = useI18n();
  if (!events) return null;
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">{t('trajectory.timeline')}</h2>
      <ol className="timeline">
        {[...events].reverse().map((event) => {
          const key = `event.${event.type}`;
          return (
            <li key={event.position}>
              <span className="when">{formatDateTime(event.occurredAt)}</span>{' '}
              <strong>{hasMessage(key) ? t(key) : event.type}</strong>{' '}
              <span className="hint">{t('trajectory.timeline.by', { actor: event.actor })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
