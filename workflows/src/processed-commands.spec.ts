import { fingerprint, isSameCommand, ProcessedCommand, typeFingerprint } from './processed-commands';

const result = { trajectoryId: 't-1', version: 2, events: ['IntakeRecorded'] };
const intake = { type: 'RecordIntake', intakeOn: '2026-01-05' };

describe('isSameCommand', () => {
  it('matches a remembered command by its fingerprint, fields and all', () => {
    const entry: ProcessedCommand = { key: 'k', fingerprint: fingerprint(intake), result };
    expect(isSameCommand(entry, { ...intake })).toBe(true);
    expect(isSameCommand(entry, { ...intake, intakeOn: '2026-01-06' })).toBe(false);
  });

  it('matches an answer read from the stream by the command type only', () => {
    const entry: ProcessedCommand = { key: 'k', fingerprint: typeFingerprint('RecordIntake'), result };
    expect(isSameCommand(entry, { ...intake, intakeOn: '2026-01-06' })).toBe(true);
    expect(isSameCommand(entry, { type: 'RecordContract', signedOn: '2026-01-06' })).toBe(false);
  });
});
