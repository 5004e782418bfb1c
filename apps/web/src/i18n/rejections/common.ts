import type { DutchRejections } from './dutch-rejections';

/** The common reasons (libs/domain/src/trajectory/rejection-reasons/common.ts) in Dutch. */
export const COMMON_IN_DUTCH = {
  TRAJECTORY_EXISTS: 'Dit traject bestaat al.',
  TRAJECTORY_NOT_FOUND: 'Dit traject bestaat niet.',
  TRAJECTORY_CLOSED: 'Het traject is afgesloten op {closedOn} ({closureReason}).',
  TRAJECTORY_SUSPENDED: 'Het traject is geschorst sinds {suspendedFrom}. Hervat het eerst.',
  IN_FOLLOW_UP_TRACK: 'Het attest is uitgereikt op {issuedOn}; het traject zit in het vervolgtraject.',
  NOT_A_DATE: '{field}: geef een datum (DD/MM/JJJJ).',
  DATE_IN_FUTURE: '{field}: {date} ligt in de toekomst (vandaag is het {today}).',
  BEFORE_REGISTRATION: '{field} mag niet vóór de inschrijving op {earliest} liggen.',
  BEFORE_INTAKE: '{field} mag niet vóór de intake op {earliest} liggen.',
  BEFORE_CONTRACT: '{field} mag niet vóór de ondertekening van het contract op {earliest} liggen.',
  BEFORE_ATTEST: '{field} mag niet vóór het attest van {earliest} liggen.',
  BEFORE_SUSPENSION: '{field} mag niet vóór de schorsing op {earliest} liggen.',
  BEFORE_ENROLMENT: '{field} mag niet vóór de inschrijving in de cursus op {earliest} liggen.',
  BEFORE_REFERRAL: '{field} mag niet vóór de doorverwijzing op {earliest} liggen.',
  BEFORE_TRANSFER_TO_AGENCY: '{field} mag niet vóór de overdracht naar dit agentschap op {earliest} liggen.',
  BEFORE_PREVIOUS_TRANSFER: '{field} mag niet vóór de vorige overdracht op {earliest} liggen.',
  BEFORE_PREVIOUS_MOVE: '{field} mag niet vóór de vorige verhuizing op {earliest} liggen.',
  MUST_NOT_BE_EMPTY: '{field} mag niet leeg zijn.',
  MUST_BE_TRUE_OR_FALSE: '{field}: kies ja of nee.',
  MUST_BE_ONE_OF: '{field} moet een van deze waarden zijn: {allowed}.',
} as const satisfies DutchRejections;
