import { parseOpenBulkArguments } from './open-bulk-arguments';

describe('parseOpenBulkArguments', () => {
  it('reads the file, agency and actor, with the defaults', () => {
    expect(
      parseOpenBulkArguments(['--file', 'intake.jsonl', '--agency', 'atlas', '--actor', 'op-1']),
    ).toEqual({
      file: 'intake.jsonl',
      format: 'JSONL',
      agency: 'ATLAS',
      actor: 'op-1',
      role: 'operator',
      batchSize: 1000,
      problemsFile: 'intake.jsonl.problems.csv',
    });
  });

  it.each([
    [['--agency', 'AGII', '--actor', 'op'], 'give exactly one file'],
    [['a.csv', '--agency', 'NOPE', '--actor', 'op'], '--agency must be one of'],
    [['a.csv', '--agency', 'AGII'], '--actor (your subject) is required'],
    [['a.csv', '--agency', 'AGII', '--actor', 'op', '--role', 'counsellor'], '--role must be one of'],
    [['a.csv', '--agency', 'AGII', '--actor', 'op', '--batch-size', '0'], '--batch-size must be'],
    [['a.txt', '--agency', 'AGII', '--actor', 'op', '--format', 'xml'], '--format must be CSV or JSONL'],
  ])('refuses %j', (argv, reason) => {
    expect(() => parseOpenBulkArguments(argv)).toThrow(reason);
  });
});
