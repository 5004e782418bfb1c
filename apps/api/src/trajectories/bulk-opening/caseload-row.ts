import { BadRequestException } from '@nestjs/common';
import {
  Agency,
  checkNationalNumber,
  decide,
  fold,
  nextDeadlineExpiry,
  RowProblem,
  rowProblem,
  rowProblemOfRejection,
} from '../../../../../libs/domain/src';
import type { AppendRequest, EventMetadata } from '../../../../../libs/store/src';
import { ApiValidationPipe, violationsIn } from '../../http/validation-errors';
import { trajectoryIdFor } from '../command-ids';
import { OpenTrajectoryDto } from '../dto/open-trajectory.dto';

/** The columns of a caseload file: the fields of `POST /trajectories`, and the file's own dossier id. */
export const CASELOAD_COLUMNS = [
  'dossierId',
  'nationalNumber',
  'givenName',
  'familyName',
  'birthDate',
  'municipality',
  'agency',
  'counsellorId',
  'registeredOn',
  'targetGroupFacts',
] as const;

/** Who opens the caseload: the operator or manager of one agency. */
export interface BulkOpener {
  agency: Agency;
  /** The operator's subject (as in a token's `sub`). */
  actor: string;
  actorRole: string;
  /** Ties the events of one run together. */
  correlationId: string;
}

/** A row that opens a trajectory: its append, and when its workflow's first timer is due (undefined: none). */
export interface OpeningRow {
  rowNumber: number;
  trajectoryId: string;
  /** The newcomer's normalised national number: one active trajectory per newcomer, also within one file. */
  newcomer: string;
  request: AppendRequest;
  dueAt: number | undefined;
}

export type CheckedRow = { valid: true; row: OpeningRow } | { valid: false; problems: RowProblem[] };

const MAX_DOSSIER_ID_LENGTH = 100;
const pipe = new ApiValidationPipe();

/**
 * Checks a caseload row as `POST /trajectories` checks its body (the same DTO and pipe), then decides the opening
 * with the domain's `decide`, as the workflow would. The trajectory id derives from the agency and the file's dossier
 * id (else the newcomer's national number), so a file opened twice opens each trajectory once.
 */
export async function checkCaseloadRow(
  rowNumber: number,
  fields: Record<string, unknown>,
  opener: BulkOpener,
  now: number,
): Promise<CheckedRow> {
  const { dossierId, ...body }: Record<string, unknown> = { agency: opener.agency, ...fields };
  const problems: RowProblem[] = dossierProblems(dossierId);
  let dto: OpenTrajectoryDto | undefined;
  try {
    dto = (await pipe.transform(withParsedFacts(body, problems), {
      type: 'body',
      metatype: OpenTrajectoryDto,
    })) as OpenTrajectoryDto;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    problems.push(...violationsIn(error));
  }
  if (!dto || problems.length) return { valid: false, problems };
  if (dto.agency !== opener.agency)
    problems.push(rowProblem('agency', 'ROW_AGENCY_NOT_THE_OPENER', { agency: opener.agency }));
  if (dto.testDeadlineClock) problems.push(rowProblem('testDeadlineClock', 'ROW_TEST_CLOCK_REFUSED'));
  if (problems.length) return { valid: false, problems };

  const newcomer = normalisedNationalNumber(dto.nationalNumber);
  const key = openingKey(opener.agency, dossierId as string | undefined, newcomer);
  const trajectoryId = trajectoryIdFor(key);
  const decision = decide(undefined, dto.toCommand(trajectoryId), { now });
  if (!decision.accepted) return { valid: false, problems: [rowProblemOfRejection(decision.rejection)] };
  const metadata: EventMetadata = {
    actor: opener.actor,
    actorRole: opener.actorRole,
    actorOrganisation: opener.agency,
    idempotencyKey: key,
    causationId: `OpenTrajectory:${key}`,
    correlationId: opener.correlationId,
    commandType: 'OpenTrajectory',
  };
  const state = fold(decision.events)!;
  return {
    valid: true,
    row: {
      rowNumber,
      trajectoryId,
      newcomer,
      request: { streamId: trajectoryId, expectedVersion: 0, events: decision.events, metadata },
      dueAt: nextDeadlineExpiry(state),
    },
  };
}

/** The row's stable key: its dossier in the agency's file, else the newcomer. */
function openingKey(agency: Agency, dossierId: string | undefined, newcomer: string): string {
  if (dossierId !== undefined) return `bulk-opening:${agency}:dossier:${dossierId}`;
  return `bulk-opening:${agency}:newcomer:${newcomer}`;
}

function normalisedNationalNumber(nationalNumber: string): string {
  const check = checkNationalNumber(nationalNumber);
  return check.valid ? check.nationalNumber : nationalNumber;
}

function dossierProblems(dossierId: unknown): RowProblem[] {
  if (dossierId === undefined) return [];
  if (typeof dossierId !== 'string' || !/\S/.test(dossierId) || dossierId.length > MAX_DOSSIER_ID_LENGTH)
    return [rowProblem('dossierId', 'ROW_DOSSIER_ID_INVALID', { maxLength: MAX_DOSSIER_ID_LENGTH })];
  return [];
}

/** A CSV file carries the target group facts as one JSON column. */
function withParsedFacts(body: Record<string, unknown>, problems: RowProblem[]): Record<string, unknown> {
  if (typeof body.targetGroupFacts !== 'string') return body;
  try {
    return { ...body, targetGroupFacts: JSON.parse(body.targetGroupFacts) as unknown };
  } catch {
    problems.push(rowProblem('targetGroupFacts', 'ROW_TARGET_GROUP_FACTS_NOT_JSON'));
    const { targetGroupFacts: _unreadable, ...rest } = body;
    return rest;
  }
}
