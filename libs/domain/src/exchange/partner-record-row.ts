import { checkNationalNumber, NationalNumber } from '../newcomer/national-number';
import { PARTICIPATION_ACTIVITY_KINDS, ParticipationActivityKind } from '../pillars/pillar-state';
import { NT2_SKILLS, Nt2Level, Nt2Skill } from '../policy/pillar';
import { isCalendarDate } from '../time/calendar-date';
import {
  EnrolInMoCourse,
  EnrolInNt2Course,
  LogParticipationActivity,
  RecordAttendance,
  RecordMoTestResult,
  RecordNt2TestResult,
} from '../trajectory/commands';
import { nationalNumberRowProblem, RowProblem, rowProblem } from './row-problem';

/**
 * What the other partners send, singly or as a file, by the newcomer's national number (INSZ):
 * - a municipality's coordinator: participation activities with their hours and the feedback of those involved;
 * - a test centre or course provider: MO and NT2 enrolments, attendance, and standardised MO and NT2 test results
 *   (a certificate number with each pass). The provider is the sender: it records its own courses only.
 * A row is checked here for its shape (documented fields, types, required values); the trajectory's rules decide
 * the rest when it is recorded (dates in order, hours in range, a referral first), naming the field they refuse.
 */
export const PARTNER_FILE_KINDS = ['PARTICIPATION_ACTIVITIES', 'COURSE_RECORDS'] as const;
export type PartnerFileKind = (typeof PARTNER_FILE_KINDS)[number];

export const PARTICIPATION_ACTIVITY_COLUMNS = [
  'nationalNumber',
  'kind',
  'hours',
  'startedOn',
  'endedOn',
  'organisation',
  'participantFeedback',
  'organisationFeedback',
] as const;

export const COURSE_RECORD_KINDS = [
  'MO_ENROLMENT',
  'NT2_ENROLMENT',
  'ATTENDANCE',
  'MO_TEST_RESULT',
  'NT2_TEST_RESULT',
] as const;
export type CourseRecordKind = (typeof COURSE_RECORD_KINDS)[number];

export const COURSE_RECORD_COLUMNS = [
  'nationalNumber',
  'record',
  'course',
  'level',
  'language',
  'enrolledOn',
  'pillar',
  'periodFrom',
  'periodTo',
  'hoursScheduled',
  'hoursAttended',
  'takenOn',
  'passed',
  'certificateNumber',
  'skills',
] as const;

/** The columns a file of each kind documents, and those its header must have. */
export const PARTNER_FILE_COLUMNS: Record<
  PartnerFileKind,
  { columns: readonly string[]; required: string[] }
> = {
  PARTICIPATION_ACTIVITIES: {
    columns: PARTICIPATION_ACTIVITY_COLUMNS,
    required: ['nationalNumber', 'kind', 'hours', 'startedOn', 'endedOn', 'organisation'],
  },
  COURSE_RECORDS: { columns: COURSE_RECORD_COLUMNS, required: ['nationalNumber', 'record'] },
};

/** The fields each course record uses besides `nationalNumber` and `record`; the others must stay empty. */
const COURSE_RECORD_FIELDS: Record<CourseRecordKind, { required: string[]; optional: string[] }> = {
  MO_ENROLMENT: { required: ['language', 'enrolledOn'], optional: [] },
  NT2_ENROLMENT: { required: ['course', 'level', 'enrolledOn'], optional: [] },
  ATTENDANCE: {
    required: ['pillar', 'periodFrom', 'periodTo', 'hoursScheduled', 'hoursAttended'],
    optional: [],
  },
  MO_TEST_RESULT: { required: ['takenOn', 'passed'], optional: ['certificateNumber'] },
  NT2_TEST_RESULT: { required: ['level', 'takenOn', 'passed'], optional: ['certificateNumber', 'skills'] },
};

export type PartnerRecordCommand =
  | LogParticipationActivity
  | EnrolInMoCourse
  | EnrolInNt2Course
  | RecordAttendance
  | RecordMoTestResult
  | RecordNt2TestResult;

/** A checked row: whose trajectory, and the command it becomes. */
export interface PartnerRecord {
  nationalNumber: NationalNumber;
  command: PartnerRecordCommand;
}

export type PartnerRecordCheck =
  { valid: true; record: PartnerRecord } | { valid: false; problems: RowProblem[] };

/** Who sends: the provider of the courses a test centre records, the municipality a coordinator logs for. */
export interface PartnerSender {
  organisation: string;
  municipality?: string;
}

export const MAX_TEXT_LENGTH = 100;
export const MAX_FEEDBACK_LENGTH = 2000;

export function checkPartnerRecordRow(
  kind: PartnerFileKind,
  raw: unknown,
  sender: PartnerSender,
): PartnerRecordCheck {
  return kind === 'PARTICIPATION_ACTIVITIES'
    ? checkParticipationActivityRow(raw, sender)
    : checkCourseRecordRow(raw, sender);
}

/** A participation activity a municipality's coordinator logs: the municipality is the coordinator's. */
export function checkParticipationActivityRow(raw: unknown, sender: PartnerSender): PartnerRecordCheck {
  const row = RowReader.of(raw, PARTICIPATION_ACTIVITY_COLUMNS);
  if (!row) return notAnObject();
  const nationalNumber = row.nationalNumber();
  const kind = row.oneOf('kind', PARTICIPATION_ACTIVITY_KINDS);
  const hours = row.number('hours');
  const startedOn = row.date('startedOn');
  const endedOn = row.date('endedOn');
  const organisation = row.text('organisation', MAX_TEXT_LENGTH);
  const participantFeedback = row.text('participantFeedback', MAX_FEEDBACK_LENGTH, false);
  const organisationFeedback = row.text('organisationFeedback', MAX_FEEDBACK_LENGTH, false);
  if (row.problems.length) return { valid: false, problems: row.problems };
  return {
    valid: true,
    record: {
      nationalNumber: nationalNumber!,
      command: {
        type: 'LogParticipationActivity',
        kind: kind as ParticipationActivityKind,
        hours: hours!,
        startedOn: startedOn!,
        endedOn: endedOn!,
        organisation: organisation!,
        ...(sender.municipality ? { municipality: sender.municipality } : {}),
        ...(participantFeedback ? { participantFeedback } : {}),
        ...(organisationFeedback ? { organisationFeedback } : {}),
      },
    },
  };
}

/** An enrolment, attendance or test result a test centre or course provider records for its own course. */
export function checkCourseRecordRow(raw: unknown, sender: PartnerSender): PartnerRecordCheck {
  const row = RowReader.of(raw, COURSE_RECORD_COLUMNS);
  if (!row) return notAnObject();
  const nationalNumber = row.nationalNumber();
  const record = row.oneOf('record', COURSE_RECORD_KINDS) as CourseRecordKind | undefined;
  if (!record) return { valid: false, problems: row.problems };
  const { required, optional } = COURSE_RECORD_FIELDS[record];
  for (const field of COURSE_RECORD_COLUMNS) {
    if (field === 'nationalNumber' || field === 'record') continue;
    if (!required.includes(field) && !optional.includes(field) && row.has(field))
      row.problems.push(rowProblem(field, 'FIELD_NOT_USED_FOR_RECORD', { record }));
  }
  const command = courseCommand(record, row, sender.organisation);
  if (row.problems.length || !command) return { valid: false, problems: row.problems };
  return { valid: true, record: { nationalNumber: nationalNumber!, command } };
}

function courseCommand(
  record: CourseRecordKind,
  row: RowReader,
  provider: string,
): PartnerRecordCommand | undefined {
  switch (record) {
    case 'MO_ENROLMENT': {
      const language = row.text('language', MAX_TEXT_LENGTH);
      const enrolledOn = row.date('enrolledOn');
      if (!language || !enrolledOn) return undefined;
      return { type: 'EnrolInMoCourse', provider, language, enrolledOn };
    }
    case 'NT2_ENROLMENT': {
      const course = row.text('course', MAX_TEXT_LENGTH);
      const level = row.oneOf('level', NT2_LEVEL_VALUES) as Nt2Level | undefined;
      const enrolledOn = row.date('enrolledOn');
      if (!course || !level || !enrolledOn) return undefined;
      return { type: 'EnrolInNt2Course', provider, course, level, enrolledOn };
    }
    case 'ATTENDANCE': {
      const pillar = row.oneOf('pillar', ['MO', 'NT2'] as const) as 'MO' | 'NT2' | undefined;
      const periodFrom = row.date('periodFrom');
      const periodTo = row.date('periodTo');
      const hoursScheduled = row.number('hoursScheduled');
      const hoursAttended = row.number('hoursAttended');
      if (!pillar || !periodFrom || !periodTo || hoursScheduled === undefined || hoursAttended === undefined)
        return undefined;
      return { type: 'RecordAttendance', pillar, periodFrom, periodTo, hoursScheduled, hoursAttended };
    }
    case 'MO_TEST_RESULT': {
      const takenOn = row.date('takenOn');
      const passed = row.boolean('passed');
      const certificateNumber = row.certificateNumber(passed);
      if (!takenOn || passed === undefined || row.problems.length) return undefined;
      return {
        type: 'RecordMoTestResult',
        takenOn,
        passed,
        ...(certificateNumber ? { certificateNumber } : {}),
      };
    }
    case 'NT2_TEST_RESULT': {
      const level = row.oneOf('level', NT2_LEVEL_VALUES) as Nt2Level | undefined;
      const takenOn = row.date('takenOn');
      const passed = row.boolean('passed');
      const certificateNumber = row.certificateNumber(passed);
      const skills = row.skills();
      if (!level || !takenOn || passed === undefined || row.problems.length) return undefined;
      return {
        type: 'RecordNt2TestResult',
        level,
        takenOn,
        passed,
        ...(skills ? { skills } : {}),
        ...(certificateNumber ? { certificateNumber } : {}),
      };
    }
  }
}

const NT2_LEVEL_VALUES = ['A1', 'A2', 'B1'] as const;

function notAnObject(): PartnerRecordCheck {
  return {
    valid: false,
    problems: [rowProblem('row', 'ROW_NOT_AN_OBJECT')],
  };
}

/**
 * Reads the fields of one row, collecting a problem per bad field (never repeating a value: it may be personal).
 * Values come as text from a CSV file, or typed from JSON; a blank text is an absent value.
 */
class RowReader {
  readonly problems: RowProblem[] = [];

  private constructor(private readonly record: Record<string, unknown>) {}

  static of(raw: unknown, columns: readonly string[]): RowReader | undefined {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const reader = new RowReader(raw as Record<string, unknown>);
    for (const key of Object.keys(raw))
      if (!columns.includes(key)) reader.problems.push(rowProblem(key, 'FIELD_NOT_DOCUMENTED'));
    return reader;
  }

  has(field: string): boolean {
    const value = this.record[field];
    return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
  }

  private raw(field: string, required: boolean): unknown {
    if (!this.has(field)) {
      if (required) this.problems.push(rowProblem(field, 'FIELD_REQUIRED'));
      return undefined;
    }
    const value = this.record[field];
    return typeof value === 'string' ? value.trim() : value;
  }

  text(field: string, maxLength: number, required = true): string | undefined {
    const value = this.raw(field, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.problem(rowProblem(field, 'FIELD_NOT_TEXT'));
    if (value.length > maxLength) return this.problem(rowProblem(field, 'FIELD_TOO_LONG', { maxLength }));
    return value;
  }

  nationalNumber(): NationalNumber | undefined {
    const value = this.text('nationalNumber', 64);
    if (value === undefined) return undefined;
    const check = checkNationalNumber(value);
    return check.valid ? check.nationalNumber : this.problem(nationalNumberRowProblem(check.problem));
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const value = this.text(field, 64);
    if (value === undefined) return undefined;
    const found = values.find((candidate) => candidate === value.toUpperCase());
    return found ?? this.problem(rowProblem(field, 'FIELD_NOT_ONE_OF', { allowed: values.join(', ') }));
  }

  date(field: string): string | undefined {
    const value = this.text(field, 10);
    if (value === undefined) return undefined;
    return isCalendarDate(value) ? value : this.problem(rowProblem(field, 'FIELD_NOT_A_DATE'));
  }

  /** A number of hours: a JSON number, or text with a decimal point or comma ("2.5", "2,5"). */
  number(field: string): number | undefined {
    const value = this.raw(field, true);
    if (value === undefined) return undefined;
    const parsed =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+([.,]\d+)?$/.test(value)
          ? Number(value.replace(',', '.'))
          : NaN;
    return Number.isFinite(parsed) ? parsed : this.problem(rowProblem(field, 'FIELD_NOT_HOURS'));
  }

  boolean(field: string): boolean | undefined {
    const value = this.raw(field, true);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    const text = typeof value === 'string' ? value.toLowerCase() : '';
    if (text === 'true') return true;
    if (text === 'false') return false;
    return this.problem(rowProblem(field, 'FIELD_NOT_TRUE_OR_FALSE'));
  }

  /** Required with a pass, refused with a fail (the trajectory's rule, told here already for a file's rows). */
  certificateNumber(passed: boolean | undefined): string | undefined {
    const value = this.text('certificateNumber', 64, false);
    if (passed === true && value === undefined && !this.problems.some((p) => p.field === 'certificateNumber'))
      return this.problem(rowProblem('certificateNumber', 'CERTIFICATE_REQUIRED_WITH_PASS'));
    if (passed === false && value !== undefined)
      return this.problem(rowProblem('certificateNumber', 'CERTIFICATE_ONLY_WITH_PASS'));
    return value;
  }

  /** Skills as a JSON array or text separated by spaces, "|" or "+"; absent: all four. */
  skills(): Nt2Skill[] | undefined {
    const value = this.raw('skills', false);
    if (value === undefined) return undefined;
    const list = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(/[\s|+]+/).filter(Boolean)
        : undefined;
    const skills = list?.map((skill) => (typeof skill === 'string' ? skill.toUpperCase() : skill));
    if (
      !skills ||
      !skills.length ||
      !skills.every((skill) => (NT2_SKILLS as readonly unknown[]).includes(skill)) ||
      new Set(skills).size !== skills.length
    )
      return this.problem(
        rowProblem('skills', 'SKILLS_NOT_DISTINCT_VALUES', { allowed: NT2_SKILLS.join(', ') }),
      );
    return skills as Nt2Skill[];
  }

  private problem(problem: RowProblem): undefined {
    this.problems.push(problem);
    return undefined;
  }
}
