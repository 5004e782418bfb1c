import { Writable } from 'node:stream';
import { createLogger } from './logger';

/** What a logger writes, line by line, parsed. */
function loggedLines(log: (logger: ReturnType<typeof createLogger>) => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  log(createLogger('test', { destination, level: 'info' }));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const NATIONAL_NUMBER = '85073003328';

describe('createLogger', () => {
  it('censors personal data at the top level and one level deep', () => {
    const [line] = loggedLines((logger) =>
      logger.info(
        { nationalNumber: NATIONAL_NUMBER, newcomer: { givenName: 'Amina', birthDate: '1985-07-30' } },
        'registered',
      ),
    );
    expect(JSON.stringify(line)).not.toMatch(/85073003328|Amina|1985-07-30/);
    expect(line).toMatchObject({ nationalNumber: '[censored]', newcomer: { givenName: '[censored]' } });
  });

  it("censors a PostgreSQL error's row values (its detail and where), and keeps its message and code", () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "one_active"'), {
      code: '23505',
      detail: `Key (national_number)=(${NATIONAL_NUMBER}) already exists.`,
      where: `COPY trajectory_summaries, line 1: "t-1\tt-1\t${NATIONAL_NUMBER}\tAmina\tEl Idrissi\t1985-07-30"`,
    });
    const [line] = loggedLines((logger) => logger.error({ err: error }, 'rebuilding failed'));
    expect(JSON.stringify(line)).not.toMatch(/85073003328|Amina|1985-07-30/);
    expect(line.err).toMatchObject({
      message: 'duplicate key value violates unique constraint "one_active"',
      code: '23505',
      detail: '[censored]',
      where: '[censored]',
    });
  });
});
