import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { Page } from '../components/common';
import { navigate } from '../components/router';
import { CommandFormView } from '../forms/CommandFormView';
import { FieldSpec, nationalNumberMatchesBirthDate } from '../forms/fields';
import { useI18n } from '../i18n/i18n';

const AGENCIES = ['AGII', 'ATLAS', 'IN_GENT'] as const;

export function registrationFields(agency: string | undefined, counsellor: string | undefined): FieldSpec[] {
  return [
    { name: 'nationalNumber', label: 'field.nationalNumber', type: 'nationalNumber', required: true },
    { name: 'givenName', label: 'field.givenName', type: 'text', required: true, maxLength: 200 },
    { name: 'familyName', label: 'field.familyName', type: 'text', required: true, maxLength: 200 },
    { name: 'birthDate', label: 'field.birthDate', type: 'date', required: true },
    { name: 'municipality', label: 'field.municipality', type: 'text', required: true, maxLength: 100 },
    {
      name: 'agency',
      label: 'field.agency',
      type: 'select',
      required: true,
      options: AGENCIES,
      ...(agency ? { initial: agency } : {}),
    },
    {
      name: 'counsellorId',
      label: 'field.counsellorId',
      type: 'text',
      maxLength: 100,
      ...(counsellor ? { initial: counsellor } : {}),
    },
    { name: 'registeredOn', label: 'field.registeredOn', type: 'date' },
  ];
}

/** Registers a newcomer and opens the trajectory (POST /trajectories), then shows it. */
export function RegisterPage() {
  const { t } = useI18n();
  const { session } = useAuth();
  return (
    <Page title={t('register.title')} intro={t('register.intro')}>
      <CommandFormView
        title="register.title"
        fields={registrationFields(session?.organisation, session?.subject)}
        checks={[nationalNumberMatchesBirthDate]}
        submitLabel="register.submit"
        onSubmit={(body) =>
          api<{ trajectoryId: string }>('/trajectories', { body, idempotencyKey: crypto.randomUUID() })
        }
        onDone={(result) =>
          navigate(`/app/trajectories/${(result as { trajectoryId: string }).trajectoryId}`)
        }
      />
    </Page>
  );
}
