import { parseImportArguments } from './import-arguments';
import { progressBar } from './progress-bar';

describe('the import command line', () => {
  it('defaults the partner, the format from the extension, the API and the problems file', () => {
    expect(parseImportArguments(['day.jsonl'], { API_URL: 'http://api:3000/', API_TOKEN: 'tok\n' })).toEqual({
      file: 'day.jsonl',
      kind: 'registrations',
      partner: 'VDAB',
      format: 'JSONL',
      apiUrl: 'http://api:3000',
      token: 'tok',
      problemsFile: 'day.jsonl.problems.csv',
    });
  });

  it('takes the options', () => {
    expect(
      parseImportArguments(
        ['x.txt', '--partner', 'actiris', '--format', 'csv', '--problems', 'p.csv', '--token', 'abc'],
        { API_TOKEN: 'ignored' },
      ),
    ).toMatchObject({ partner: 'ACTIRIS', format: 'CSV', problemsFile: 'p.csv', token: 'abc' });
  });

  it("takes the kind of a municipality's or test centre's file", () => {
    expect(
      parseImportArguments(['gent.csv', '--kind', 'participation-activities'], { API_TOKEN: 't' }),
    ).toMatchObject({
      kind: 'participation-activities',
      format: 'CSV',
    });
    expect(parseImportArguments(['cvo.jsonl', '--kind', 'Course-Records'], { API_TOKEN: 't' })).toMatchObject(
      {
        kind: 'course-records',
        format: 'JSONL',
      },
    );
  });

  it.each([
    [
      ['a.csv', '--kind', 'diplomas'],
      '--kind must be one of registrations, participation-activities, course-records',
    ],
    [['a.csv', '--kind', 'course-records', '--partner', 'VDAB'], '--partner is for registrations only'],
    [[], 'give exactly one file'],
    [['a.csv', 'b.csv'], 'give exactly one file'],
    [['a.csv', '--partner', 'FOREM'], '--partner must be VDAB or ACTIRIS'],
    [['a.csv', '--colour', 'red'], 'unknown option --colour'],
    [['a.csv', '--partner'], '--partner needs a value'],
    [['a.csv', '--partner', 'VDAB'], 'give an access token: --token or API_TOKEN'],
  ])('refuses %j', (argv, reason) => {
    expect(() =>
      parseImportArguments(argv, reason.startsWith('give an access token') ? {} : { API_TOKEN: 't' }),
    ).toThrow(reason);
  });
});

describe('the progress bar', () => {
  it('fills in proportion', () => {
    expect(progressBar(0, 5000, 10)).toBe('[----------]   0%  0/5,000 rows');
    expect(progressBar(2500, 5000, 10)).toBe('[#####-----]  50%  2,500/5,000 rows');
    expect(progressBar(5000, 5000, 10)).toBe('[##########] 100%  5,000/5,000 rows');
    expect(progressBar(0, 0, 4)).toBe('[####] 100%  0/0 rows');
  });
});
