import { decide } from '../decide';
import { TrajectoryCommand } from '../commands';
import {
  acceptedEvents,
  expectedEvent,
  FIRST_VIOLATION_ID,
  History,
  NOW,
  OBLIGED_FACTS,
  openTrajectory,
  recordAgencyLetter,
  recordContract,
  recordIntake,
  recordMove,
  rejectionOf,
  run,
  transferTrajectory,
} from '../trajectory.fixtures';

const at = { now: NOW };
const types = (history: History, command: TrajectoryCommand) =>
  acceptedEvents(decide(history.state, command, at)).map((event) => event.type);

/** Obliged at IN-Gent (Gent), letter sent 2026-01-01: due to report by 2026-04-01, registered 2026-06-10. */
const obligedGent = (): History =>
  run([openTrajectory({ registeredOn: '2026-03-02', targetGroupFacts: OBLIGED_FACTS })]);
/** Obliged at AGII (Mechelen). */
const obligedMechelen = (...more: TrajectoryCommand[]): History =>
  run([
    openTrajectory({
      agency: 'AGII',
      newcomer: { municipality: 'Mechelen' },
      registeredOn: '2026-03-02',
      targetGroupFacts: OBLIGED_FACTS,
    }),
    ...more,
  ]);

describe('moves', () => {
  describe("a transfer records the new municipality, which must lie in the receiving agency's area", () => {
    it.each([
      ['ATLAS', 'Gent', '44021', /Gent \(44021\) lies in the area of Stedelijk agentschap Gent/],
      ['AGII', 'Antwerpen', '11002', /lies in the area of Stedelijk agentschap Antwerpen/],
      ['AGII', 'Liège', '62063', /lies outside Flanders and Brussels/],
    ] as const)('to %s with %s (%s): refused', (toAgency, municipality, nisCode, message) => {
      const refusal = rejectionOf(
        decide(
          obligedGent().state,
          transferTrajectory(toAgency, '2026-06-01', undefined, { municipality, nisCode }),
          at,
        ),
      );
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: 'nisCode' });
      expect(refusal.message).toMatch(message);
    });

    it('refuses a transfer without a NIS code, or with one that is no municipality code', () => {
      const state = obligedGent().state;
      expect(
        rejectionOf(
          decide(
            state,
            {
              type: 'TransferTrajectory',
              toAgency: 'AGII',
              transferredOn: '2026-06-01',
              municipality: 'Mechelen',
            } as never,
            at,
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'nisCode' });
      expect(
        rejectionOf(
          decide(
            state,
            transferTrajectory('AGII', '2026-06-01', undefined, { municipality: 'X', nisCode: '22001' }),
            at,
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'nisCode' });
    });

    it('Gent to Leuven (AGII): the municipality follows in the state', () => {
      const { state } = run(
        [transferTrajectory('AGII', '2026-06-01', undefined, { municipality: 'Leuven', nisCode: '24062' })],
        NOW,
        obligedGent(),
      );
      expect(state).toMatchObject({
        agency: 'AGII',
        newcomer: { municipality: 'Leuven' },
        residence: { region: 'FLANDERS' },
      });
    });
  });

  describe("a move within the agency's area", () => {
    it('records the municipality and nothing else', () => {
      const history = obligedMechelen();
      expect(acceptedEvents(decide(history.state, recordMove('2026-06-01', 'Leuven', '24062'), at))).toEqual([
        expectedEvent('NewcomerMoved', {
          movedOn: '2026-06-01',
          municipality: 'Leuven',
          nisCode: '24062',
          region: 'FLANDERS',
        }),
      ]);
    });

    it("refuses a municipality in another agency's area: that is a transfer", () => {
      const refusal = rejectionOf(
        decide(obligedMechelen().state, recordMove('2026-06-01', 'Antwerpen', '11002'), at),
      );
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', field: 'nisCode' });
      expect(refusal.message).toMatch(/transfer the trajectory to ATLAS/);
    });

    it('refuses a move before the registration or before the previous move', () => {
      const moved = run([recordMove('2026-06-01', 'Leuven', '24062')], NOW, obligedMechelen());
      expect(rejectionOf(decide(moved.state, recordMove('2026-05-31', 'Lier', '12021'), at))).toMatchObject({
        field: 'movedOn',
        message: 'movedOn must not be before the previous move on 2026-06-01',
      });
      expect(
        rejectionOf(decide(obligedMechelen().state, recordMove('2026-03-01', 'Lier', '12021'), at)),
      ).toMatchObject({
        field: 'movedOn',
      });
    });
  });

  describe('a move to Brussels ends the obligation', () => {
    it('an open violation file stays with the enforcement officer; a met deadline stays met', () => {
      // letter 2026-05-01: due 2026-08-01, still open; a refusal to sign is on file
      const history = obligedMechelen(recordAgencyLetter('2026-05-01'), {
        type: 'ReportViolation',
        kind: 'REFUSAL_TO_SIGN',
        observedOn: '2026-05-20',
        facts: 'refused to sign',
      });
      const due = history.state.deadlines.find((deadline) => deadline.kind === 'AGENCY_REGISTRATION');
      expect(due).toBeDefined();
      const events = acceptedEvents(
        decide(history.state, recordMove('2026-06-01', 'Schaarbeek', '21015'), at),
      );
      expect(events.map((event) => event.type)).toEqual(['NewcomerMoved']);
      // registered 2026-03-02 within the letter's three months: met, nothing running to waive
      expect(due?.state).toBe('MET');
      const { state } = run([recordMove('2026-06-01', 'Schaarbeek', '21015')], NOW, history);
      expect(state.violations.map((violation) => [violation.violationId, violation.state])).toEqual([
        [FIRST_VIOLATION_ID, 'OPEN'],
      ]);
      expect(state.residence?.region).toBe('BRUSSELS');
    });

    it("after the move no file can open; the contract's VDAB deadline keeps running", () => {
      const history = run(
        [
          openTrajectory({
            agency: 'AGII',
            newcomer: { municipality: 'Mechelen' },
            registeredOn: '2026-06-10',
            targetGroupFacts: OBLIGED_FACTS,
          }),
          recordAgencyLetter('2026-06-12'),
        ],
        NOW,
      );
      expect(history.state.deadlines.map((deadline) => deadline.state)).toEqual(['MET']);
      const signedHistory = run([recordIntake('2026-06-11'), recordContract('2026-06-12')], NOW, history);
      const moved = run([recordMove('2026-06-14', 'Brussel', '21004')], NOW, signedHistory);
      expect(
        rejectionOf(
          decide(
            moved.state,
            {
              type: 'ReportViolation',
              kind: 'IRREGULAR_ATTENDANCE',
              observedOn: '2026-06-15',
              facts: 'absent',
            },
            at,
          ),
        ).message,
      ).toMatch(/Brussels-Capital Region/);
      // the VDAB deadline binds the contract and stays running, but can no longer lead to a file
      expect(moved.state.deadlines.find((deadline) => deadline.kind === 'VDAB_REGISTRATION')?.state).toBe(
        'OPEN',
      );
    });
  });

  describe('a move out of Flanders and Brussels ends the trajectory with that reason', () => {
    it.each([
      ['to Wallonia', recordMove('2026-06-01', 'Liège', '62063'), 'WALLONIA'],
      ['abroad', recordMove('2026-06-01', 'Rotterdam'), 'ABROAD'],
    ] as const)('%s', (_label, command, region) => {
      const history = run([recordIntake('2026-03-16'), recordContract('2026-04-30')], NOW, obligedGent());
      const events = acceptedEvents(decide(history.state, command, at));
      expect(events.map((event) => event.type)).toEqual(['NewcomerMoved', 'TrajectoryClosed']);
      expect(events[0].data).toMatchObject({ region });
      expect(events[1].data).toMatchObject({ reason: 'MOVED_OUT_OF_FLANDERS', closedOn: '2026-06-01' });
      const { state } = run([command], NOW, history);
      expect(state.status).toBe('CLOSED');
      expect(state.deadlines.map((deadline) => deadline.state)).toEqual(['WAIVED']);
    });

    it('refuses a NIS code with abroad, and a move without either', () => {
      const state = obligedGent().state;
      expect(
        rejectionOf(
          decide(
            state,
            { type: 'RecordMove', movedOn: '2026-06-01', municipality: 'X', nisCode: '62063', abroad: true },
            at,
          ),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'nisCode' });
      expect(
        rejectionOf(decide(state, { type: 'RecordMove', movedOn: '2026-06-01', municipality: 'X' }, at)),
      ).toMatchObject({ code: 'INVALID_INPUT', field: 'nisCode' });
      expect(types(obligedGent(), recordMove('2026-06-01', 'Gentbrugge', '44021'))).toEqual([
        'NewcomerMoved',
      ]);
    });
  });
});
