import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Module = typeof import('./unique-identities');

/** The module as one test file of a run loads it: counters of its own (it reads the run's directory when it draws). */
function loadAsTestFile(): Module {
  let loaded: Module | undefined;
  jest.isolateModules(() => {
    loaded = jest.requireActual<Module>('./unique-identities');
  });
  return loaded!;
}

describe('test identities', () => {
  let directory: string;
  let saved: string | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'identity-blocks-'));
    saved = process.env.TEST_IDENTITY_BLOCKS_DIR;
    process.env.TEST_IDENTITY_BLOCKS_DIR = directory;
  });
  afterEach(() => {
    // Assigning undefined would store the text "undefined".
    if (saved === undefined) delete process.env.TEST_IDENTITY_BLOCKS_DIR;
    else process.env.TEST_IDENTITY_BLOCKS_DIR = saved;
    rmSync(directory, { recursive: true, force: true });
  });

  it('never gives two test files of a run the same national number, with or without a fixed birth date', () => {
    const files = [loadAsTestFile(), loadAsTestFile()];
    const fixed: string[] = [];
    const counted: string[] = [];
    for (let round = 0; round < 45; round++) {
      for (const file of files) {
        fixed.push(file.uniqueIdentity('1985-07-31').nationalNumber);
        for (let person = 0; person < 500; person++) counted.push(file.uniqueIdentity().nationalNumber);
      }
    }
    const numbers = [...fixed, ...counted];
    expect(new Set(numbers).size).toBe(numbers.length);
    // 22,500 a file from blocks of 20,000: two blocks each; the fixed date's from its serials 901-997.
    expect(readdirSync(directory).filter((name) => !name.includes('-'))).toHaveLength(4);
    for (const number of fixed) {
      expect(number.slice(0, 6)).toBe('850731');
      expect(Number(number.slice(6, 9))).toBeGreaterThan(900);
    }
    for (const number of counted) expect(Number(number.slice(6, 9))).toBeLessThanOrEqual(900);
  });

  it('refuses a fixed birth date whose serials the run has used up', () => {
    const file = loadAsTestFile();
    for (let serial = 0; serial < 97; serial++) file.uniqueIdentity('1990-01-01');
    expect(() => file.uniqueIdentity('1990-01-01')).toThrow(/every serial of birth date 1990-01-01/);
  });
});
