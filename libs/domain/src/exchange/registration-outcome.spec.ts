import { decideLink, LINK_REASONS, linkReasonOf, trajectoryRefusedReason } from './registration-outcome';

describe('the reasons a registration is queued for reconciliation', () => {
  it.each(Object.entries(LINK_REASONS))('finds the key %s again from its text', (key, text) => {
    expect(linkReasonOf(text)).toEqual({ key });
  });

  it("finds a trajectory's refusal with the trajectory's own words", () => {
    expect(linkReasonOf(trajectoryRefusedReason('registeredOn must not be after today'))).toEqual({
      key: 'TRAJECTORY_REFUSED',
      detail: 'registeredOn must not be after today',
    });
  });

  it('knows no key for a text no linking rule writes', () => {
    expect(linkReasonOf('no trajectory for this national number')).toBeUndefined();
  });

  it('queues with the texts of LINK_REASONS', () => {
    const registration = {
      nationalNumber: '85073003328',
      registeredOn: '2026-03-01',
      partnerDossierId: 'D-1',
    };
    const target = {
      nationalNumber: '85073003328',
      status: 'OPEN',
      vdabRegisteredOn: null,
      vdabClientReference: null,
    };
    const reasons = [
      decideLink(registration, undefined),
      decideLink({ ...registration, nationalNumber: '85073003427' }, target),
      decideLink(registration, { ...target, status: 'CLOSED' }),
      decideLink(registration, { ...target, vdabRegisteredOn: '2026-02-01', vdabClientReference: 'D-0' }),
    ].map((decision) => 'reason' in decision && linkReasonOf(decision.reason)?.key);

    expect(reasons).toEqual([
      'NO_OPEN_TRAJECTORY',
      'NATIONAL_NUMBER_MISMATCH',
      'TRAJECTORY_CLOSED',
      'OTHER_REGISTRATION',
    ]);
  });
});
