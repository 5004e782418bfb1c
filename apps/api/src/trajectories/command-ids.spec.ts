import { canonicalJson, trajectoryIdFor, updateIdFor } from './command-ids';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('command ids', () => {
  describe('trajectoryIdFor', () => {
    it('derives the same version-8 UUID from the same Idempotency-Key', () => {
      const id = trajectoryIdFor('create-42');

      expect(id).toMatch(UUID_V8);
      expect(trajectoryIdFor('create-42')).toBe(id);
      expect(trajectoryIdFor('create-43')).not.toBe(id);
    });

    it('is random without a key', () => {
      expect(trajectoryIdFor(undefined)).not.toBe(trajectoryIdFor(undefined));
    });
  });

  describe('updateIdFor', () => {
    const intake = { type: 'RecordIntake', intakeOn: '2025-04-01' } as const;

    it('is the same for the same key and command, whatever the key order', () => {
      const close = { type: 'CloseTrajectory', reason: 'DECEASED', closedOn: '2025-06-01' } as const;
      const reordered = { closedOn: '2025-06-01', reason: 'DECEASED', type: 'CloseTrajectory' } as const;

      expect(updateIdFor(close, 'k1')).toBe(updateIdFor(reordered, 'k1'));
      expect(updateIdFor(intake, 'k1')).toMatch(/^RecordIntake:k1:[0-9a-f]{16}$/);
    });

    it('differs when the same key comes with another command', () => {
      expect(updateIdFor(intake, 'k1')).not.toBe(updateIdFor({ ...intake, intakeOn: '2025-04-02' }, 'k1'));
    });

    it('is random without a key', () => {
      expect(updateIdFor(intake, undefined)).not.toBe(updateIdFor(intake, undefined));
    });
  });

  it('canonical JSON sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
