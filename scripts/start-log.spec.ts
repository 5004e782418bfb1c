import pino from 'pino';
import { Writable } from 'node:stream';
import { relayChildLine } from './start-log';

function capture(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    logger: pino({ level: 'trace' }, stream),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('relayChildLine', () => {
  it("re-logs a child's pino line with its level, message and fields, under the service's name", () => {
    const { logger, lines } = capture();
    relayChildLine(
      'api',
      JSON.stringify({ level: 40, time: 1, pid: 7, msg: 'slow', path: '/health' }),
      logger,
    );
    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, msg: 'slow', path: '/health', service: 'api' }),
    ]);
    expect(lines()[0]!.pid).not.toBe(7);
  });

  it("keeps other programs' lines, at debug unless they say warning or error", () => {
    const { logger, lines } = capture();
    relayChildLine('temporal', 'time=2026-12-01 level=INFO msg="started"', logger);
    relayChildLine('temporal', 'time=2026-12-01 level=WARN msg="slow poll"', logger);
    relayChildLine('postgres', '2026-12-01 FATAL:  could not bind', logger);
    expect(lines().map((line) => [line.service, line.level])).toEqual([
      ['temporal', 20],
      ['temporal', 40],
      ['postgres', 50],
    ]);
  });
});
