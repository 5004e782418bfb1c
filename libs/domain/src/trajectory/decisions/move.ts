import { Agency, AGENCIES } from '../../agency';
import { residenceRegionOf } from '../../enforcement/violation-file-eligibility';
import { agencyForNisCode, regionOfNisCode, ResidenceRegion } from '../../residence/municipality-area';
import { CalendarDate } from '../../time/calendar-date';
import { RecordMove } from '../commands';
import {
  DeadlineKind,
  DeadlineWaived,
  NewcomerMoved,
  TrajectoryClosed,
  TrajectoryEvent,
  trajectoryEvent,
} from '../events';
import { because, Rejection } from '../rejection';
import { TrajectoryState } from '../state';
import { accept, Decision, DecisionTime, isRejection, pastOrToday, reject, tooEarly } from './decision';

/** Deadlines only the obligation imposes; a move to Brussels, where there is none, waives them. */
export const OBLIGED_ONLY_DEADLINES: readonly DeadlineKind[] = ['AGENCY_REGISTRATION', 'FOLLOW_UP_B1_ORAL'];

export interface Destination {
  municipality: string;
  nisCode?: string;
  region: ResidenceRegion;
}

/** The destination of a move, checked: a Belgian municipality by its NIS code, or abroad. */
export function destinationOf(command: {
  municipality?: string;
  nisCode?: string;
  abroad?: boolean;
}): Destination | Rejection {
  const municipality = command.municipality?.trim();
  if (!municipality) return because('MUST_NOT_BE_EMPTY', { field: 'municipality' }, 'municipality');
  if (command.abroad === true) {
    return command.nisCode === undefined
      ? { municipality, region: 'ABROAD' }
      : because('MOVE_ABROAD_WITH_NIS_CODE', {}, 'nisCode');
  }
  const nisCode = command.nisCode?.trim() ?? '';
  const region = regionOfNisCode(nisCode);
  if (!region) return because('NOT_A_NIS_CODE', {}, 'nisCode');
  return { municipality, nisCode, region };
}

/** The move's date: a past date, not before the registration nor an earlier move or transfer. */
export function moveDate(
  state: TrajectoryState,
  value: string | undefined,
  field: string,
  today: CalendarDate,
): CalendarDate | Rejection {
  const date = pastOrToday(value, field, today);
  if (isRejection(date)) return date;
  if (date < state.registeredOn) return tooEarly(field, state.registeredOn, 'registration');
  const transfer = state.lastTransferredOn;
  const move = state.residence?.movedOn;
  if (transfer && date < transfer && !(move && move > transfer))
    return tooEarly(field, transfer, 'previousTransfer');
  if (move && date < move) return tooEarly(field, move, 'previousMove');
  return date;
}

/**
 * What a move does besides recording the new address:
 * - to Brussels: the obligation ends, as there is none in the Brussels-Capital Region (Actieplan integratiebeleid
 *   l.977; Beleidsbrief 2015-2016 l.735); running deadlines only the obligation imposes are waived, open violation
 *   files stay with the enforcement officer, who decides them under the law of the day of the breach;
 * - out of Flanders and Brussels: the trajectory ends with that reason, as the integration policy addresses those
 *   who settle in Flanders or Brussels (Actieplan integratiebeleid l.952-953). See docs/sources.md.
 */
export function moveEvents(
  state: TrajectoryState,
  destination: Destination,
  movedOn: CalendarDate,
  now: number,
): TrajectoryEvent[] {
  const moved = trajectoryEvent<NewcomerMoved>(
    'NewcomerMoved',
    {
      movedOn,
      municipality: destination.municipality,
      ...(destination.nisCode ? { nisCode: destination.nisCode } : {}),
      region: destination.region,
    },
    now,
  );
  if (destination.region === 'WALLONIA' || destination.region === 'ABROAD') {
    return [
      moved,
      trajectoryEvent<TrajectoryClosed>(
        'TrajectoryClosed',
        {
          reason: 'MOVED_OUT_OF_FLANDERS',
          closedOn: movedOn,
          explanation: `moved to ${destination.municipality} (${destination.region === 'ABROAD' ? 'abroad' : 'Wallonia'})`,
        },
        now,
      ),
    ];
  }
  if (destination.region !== 'BRUSSELS' || residenceRegionOf(state) === 'BRUSSELS') return [moved];
  const waived = state.deadlines
    .filter(
      (deadline) =>
        OBLIGED_ONLY_DEADLINES.includes(deadline.kind) &&
        (deadline.state === 'OPEN' || deadline.state === 'SUSPENDED'),
    )
    .map((deadline) =>
      trajectoryEvent<DeadlineWaived>(
        'DeadlineWaived',
        {
          deadlineId: deadline.deadlineId,
          kind: deadline.kind,
          reason: `moved to ${destination.municipality} (Brussels-Capital Region) on ${movedOn}: the obligation ends`,
        },
        now,
      ),
    );
  return [moved, ...waived];
}

/**
 * A move that keeps the case with its agency: within its area, to Brussels, or out of Flanders and Brussels.
 * A move into another agency's area is a transfer.
 */
export function recordMove(
  state: TrajectoryState,
  command: RecordMove,
  { today, now }: DecisionTime,
): Decision {
  const to = destinationOf(command);
  if ('code' in to) return reject(to);
  const movedOn = moveDate(state, command.movedOn, 'movedOn', today);
  if (isRejection(movedOn)) return reject(movedOn);
  const owner = to.nisCode ? agencyForNisCode(to.nisCode) : undefined;
  if (owner && owner !== state.agency) return reject(otherAgencysArea(to, owner));
  return accept(...moveEvents(state, to, movedOn, now));
}

export function otherAgencysArea(to: Destination, owner: Agency): Rejection {
  return because(
    'MOVE_INTO_OTHER_AGENCYS_AREA',
    {
      municipality: to.municipality,
      nisCode: String(to.nisCode),
      agencyName: AGENCIES[owner],
      agency: owner,
    },
    'nisCode',
  );
}
