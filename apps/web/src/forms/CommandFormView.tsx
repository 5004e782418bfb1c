import { FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { rejectionText } from '../i18n/rejection-text';
import { fieldErrorText } from '../i18n/row-problems';
import { CrossCheck, FieldSpec, FormErrors, FormValues, initialValues, toBody, validate } from './fields';

export interface CommandFormViewProps {
  title: MessageKey;
  fields: readonly FieldSpec[];
  checks?: readonly CrossCheck[];
  submitLabel?: MessageKey;
  /** Sends the body; a rejection (ApiError) is shown next to its fields. */
  onSubmit(body: Record<string, unknown>): Promise<unknown>;
  onDone?(result: unknown): void;
  onCancel?(): void;
  headingLevel?: 2 | 3;
}

/**
 * A command's form: labelled controls, the form's own checks first, then the API's answer. A rejection's reason
 * (RFC 9457 problem details: `errors[].field`, or the rule's `field`) stands next to the field it names; a reason
 * for no field of the form stands above it.
 */
export function CommandFormView(props: CommandFormViewProps) {
  const { t, label, language } = useI18n();
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => initialValues(props.fields));
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';

  const focusFirstError = (found: FormErrors) => {
    const first = props.fields.find((field) => found[field.name]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const found = validate(props.fields, values, t, props.checks);
    setErrors(found);
    if (Object.keys(found).length) {
      setGeneral(t('form.fixFields'));
      focusFirstError(found);
      return;
    }
    setBusy(true);
    try {
      const result = await props.onSubmit(toBody(props.fields, values));
      props.onDone?.(result);
    } catch (failure) {
      if (!(failure instanceof ApiError)) {
        setGeneral(t('app.error', { detail: (failure as Error).message }));
        return;
      }
      const refused = rejectionText(failure.problem, language, t, label);
      const byField = failure.fieldErrorsWith(refused ?? failure.problem.detail, (error) =>
        fieldErrorText(error, language, t, label),
      );
      const known: FormErrors = {};
      const elsewhere: string[] = [];
      for (const [field, reason] of Object.entries(byField)) {
        const name = field.split('.').pop() ?? field;
        if (props.fields.some((candidate) => candidate.name === name)) known[name] ??= reason;
        else elsewhere.push(reason);
      }
      setErrors(known);
      const detail = elsewhere.length
        ? elsewhere.join(' ')
        : Object.keys(known).length
          ? null
          : (refused ?? failure.message);
      setGeneral(detail ? t('form.rejected', { detail }) : t('form.fixFields'));
      focusFirstError(known);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="command-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t(props.title)}</Heading>
      {general ? (
        <p role="alert" className="alert">
          {general}
        </p>
      ) : null}
      {props.fields.map((field) => {
        const controlId = `${id}-${field.name}`;
        const error = errors[field.name];
        const describedBy = [
          error ? `${controlId}-error` : null,
          field.type === 'date' ? `${controlId}-hint` : null,
        ]
          .filter(Boolean)
          .join(' ');
        const common = {
          id: controlId,
          name: field.name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy || undefined,
          'aria-required': field.required ? true : undefined,
        };
        const set = (value: string) => setValues((current) => ({ ...current, [field.name]: value }));
        return (
          <div key={field.name} className={`field${error ? ' field-error' : ''}`}>
            {field.type === 'boolean' ? (
              <label htmlFor={controlId} className="checkbox">
                <input
                  {...common}
                  type="checkbox"
                  checked={values[field.name] === 'true'}
                  onChange={(event) => set(String(event.target.checked))}
                />{' '}
                {t(field.label)}
              </label>
            ) : (
              <>
                <label htmlFor={controlId}>
                  {t(field.label)}
                  {field.required ? <span aria-hidden="true"> *</span> : null}
                </label>
                {field.type === 'select' ? (
                  <select
                    {...common}
                    value={values[field.name]}
                    onChange={(event) => set(event.target.value)}
                  >
                    <option value="">{t('form.choose')}</option>
                    {field.options?.map((option) => (
                      <option key={option} value={option}>
                        {field.optionLabel ? label(field.optionLabel, option) : option}
                      </option>
                    ))}
                  </select>
                ) : field.type === 'textarea' ? (
                  <textarea
                    {...common}
                    value={values[field.name]}
                    onChange={(event) => set(event.target.value)}
                  />
                ) : (
                  <input
                    {...common}
                    type="text"
                    inputMode={
                      field.type === 'number' || field.type === 'nationalNumber' ? 'decimal' : undefined
                    }
                    autoComplete="off"
                    value={values[field.name]}
                    onChange={(event) => set(event.target.value)}
                  />
                )}
                {field.type === 'date' ? (
                  <span id={`${controlId}-hint`} className="hint">
                    {t('form.dateHint')}
                  </span>
                ) : null}
              </>
            )}
            {error ? (
              <span id={`${controlId}-error`} className="error">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('form.busy') : t(props.submitLabel ?? 'app.save')}
        </button>
        {props.onCancel ? (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('app.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
