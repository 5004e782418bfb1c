import { PARTICIPATION_ACTIVITY_KINDS } from '../../../../libs/domain/src/pillars/pillar-state';
import type { MessageKey } from '../i18n/nl';
import { CrossCheck, endNotBeforeStart, FieldSpec } from './fields';

/** The form of a command on one trajectory: where it is sent and what it asks. */
export interface CommandForm {
  title: MessageKey;
  path: (trajectoryId: string) => string;
  fields: readonly FieldSpec[];
  checks?: readonly CrossCheck[];
}

const date = (name: string, label: MessageKey): FieldSpec => ({ name, label, type: 'date', required: true });
/** Required by the API with a pass and refused with a fail; the API's rejection names it next to the field. */
const CERTIFICATE_NUMBER: FieldSpec = {
  name: 'certificateNumber',
  label: 'field.certificateNumber',
  type: 'text',
  maxLength: 64,
};

export const PARTICIPATION_FIELDS: readonly FieldSpec[] = [
  {
    name: 'kind',
    label: 'field.kind',
    type: 'select',
    required: true,
    options: PARTICIPATION_ACTIVITY_KINDS,
    optionLabel: 'option.',
  },
  { name: 'hours', label: 'field.hours', type: 'number', required: true, min: 0.25, max: 40 },
  date('startedOn', 'field.startedOn'),
  date('endedOn', 'field.endedOn'),
  { name: 'organisation', label: 'field.organisation', type: 'text', required: true, maxLength: 200 },
];

const vdabRegistration: CommandForm = {
  title: 'action.REGISTER_WITH_VDAB',
  path: (id) => `/trajectories/${id}/vdab-registration`,
  fields: [
    date('registeredOn', 'field.registeredOn'),
    {
      name: 'vdabClientReference',
      label: 'field.vdabClientReference',
      type: 'text',
      required: true,
      maxLength: 100,
    },
  ],
};

/** The forms of the next actions the API proposes (libs/domain/src/trajectory/next-actions.ts). */
export const COMMAND_FORMS: Partial<Record<string, CommandForm>> = {
  RECORD_INTAKE: {
    title: 'action.RECORD_INTAKE',
    path: (id) => `/trajectories/${id}/intake`,
    fields: [date('intakeOn', 'field.intakeOn')],
  },
  SIGN_CONTRACT: {
    title: 'action.SIGN_CONTRACT',
    path: (id) => `/trajectories/${id}/contract`,
    fields: [date('signedOn', 'field.signedOn')],
  },
  REGISTER_WITH_VDAB: vdabRegistration,
  REGISTER_WITH_ACTIRIS: { ...vdabRegistration, title: 'action.REGISTER_WITH_ACTIRIS' },
  ENROL_IN_MO_COURSE: {
    title: 'action.ENROL_IN_MO_COURSE',
    path: (id) => `/trajectories/${id}/mo/enrolments`,
    fields: [
      { name: 'provider', label: 'field.provider', type: 'text', required: true, maxLength: 200 },
      { name: 'language', label: 'field.language', type: 'text', required: true, maxLength: 50 },
      date('enrolledOn', 'field.enrolledOn'),
    ],
  },
  TAKE_MO_TEST: {
    title: 'action.TAKE_MO_TEST',
    path: (id) => `/trajectories/${id}/mo/test-results`,
    fields: [
      date('takenOn', 'field.takenOn'),
      { name: 'passed', label: 'field.passed', type: 'boolean' },
      CERTIFICATE_NUMBER,
    ],
  },
  REFER_TO_NT2_COURSE: {
    title: 'action.REFER_TO_NT2_COURSE',
    path: (id) => `/trajectories/${id}/nt2/referrals`,
    fields: [
      { name: 'provider', label: 'field.provider', type: 'text', required: true, maxLength: 200 },
      { name: 'course', label: 'field.language', type: 'text', required: true, maxLength: 200 },
      { name: 'level', label: 'field.level', type: 'select', required: true, options: ['A1', 'A2', 'B1'] },
      date('referredOn', 'field.referredOn'),
    ],
  },
  ENROL_IN_NT2_COURSE: {
    title: 'action.ENROL_IN_NT2_COURSE',
    path: (id) => `/trajectories/${id}/nt2/enrolments`,
    fields: [
      { name: 'provider', label: 'field.provider', type: 'text', required: true, maxLength: 200 },
      { name: 'course', label: 'field.language', type: 'text', required: true, maxLength: 200 },
      { name: 'level', label: 'field.level', type: 'select', required: true, options: ['A1', 'A2', 'B1'] },
      date('enrolledOn', 'field.enrolledOn'),
    ],
  },
  TAKE_NT2_TEST: {
    title: 'action.TAKE_NT2_TEST',
    path: (id) => `/trajectories/${id}/nt2/test-results`,
    fields: [
      { name: 'level', label: 'field.level', type: 'select', required: true, options: ['A1', 'A2', 'B1'] },
      date('takenOn', 'field.takenOn'),
      { name: 'passed', label: 'field.passed', type: 'boolean' },
      CERTIFICATE_NUMBER,
    ],
  },
  PROVE_B1_ORAL: {
    title: 'action.PROVE_B1_ORAL',
    path: (id) => `/trajectories/${id}/follow-up/test-results`,
    fields: [
      { name: 'level', label: 'field.level', type: 'select', required: true, options: ['B1'], initial: 'B1' },
      date('takenOn', 'field.takenOn'),
      { name: 'passed', label: 'field.passed', type: 'boolean' },
    ],
  },
  RESUME_TRAJECTORY: {
    title: 'action.RESUME_TRAJECTORY',
    path: (id) => `/trajectories/${id}/resumption`,
    fields: [date('resumedOn', 'field.startedOn')],
  },
  LOG_PARTICIPATION_HOURS: {
    title: 'action.LOG_PARTICIPATION_HOURS',
    path: (id) => `/trajectories/${id}/participation/activities`,
    fields: PARTICIPATION_FIELDS,
    checks: [endNotBeforeStart],
  },
  RECORD_TARGET_GROUP_FACTS: {
    title: 'action.RECORD_TARGET_GROUP_FACTS',
    path: (id) => `/trajectories/${id}/target-group/facts`,
    fields: [
      {
        name: 'nationalityGroup',
        label: 'field.nationalityGroup',
        type: 'select',
        options: ['BELGIAN', 'EU_EEA_SWISS', 'THIRD_COUNTRY'],
        optionLabel: 'option.',
      },
      {
        name: 'residenceRegion',
        label: 'field.residenceRegion',
        type: 'select',
        options: ['FLANDERS', 'BRUSSELS', 'WALLONIA'],
        optionLabel: 'option.',
      },
      { name: 'firstRegisteredInBelgiumOn', label: 'field.firstRegisteredInBelgiumOn', type: 'date' },
      { name: 'staysMoreThanThreeMonths', label: 'field.staysMoreThanThreeMonths', type: 'boolean' },
      { name: 'lawfulStay', label: 'field.lawfulStay', type: 'boolean' },
    ],
  },
};

/** Target-group facts travel nested: `{ facts: {...} }`. */
export function commandBody(action: string, body: Record<string, unknown>): Record<string, unknown> {
  return action === 'RECORD_TARGET_GROUP_FACTS' ? { facts: body } : body;
}
