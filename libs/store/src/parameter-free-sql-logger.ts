import type { Logger as TypeOrmLogger } from 'typeorm';
import { createLogger } from '../../logging/src';

const sqlLog = createLogger('sql');

/**
 * TypeORM's logger for the API and the worker: a failed query is logged with its SQLSTATE, PostgreSQL's message and
 * the statement's text, never its parameters (they carry personal data: national numbers, names, birth dates).
 * Queries that succeed, schema building and migrations are not logged.
 */
export class ParameterFreeSqlLogger implements TypeOrmLogger {
  constructor(private readonly write: (line: string) => void = (line) => sqlLog.error(line)) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    // A data exception's message may quote the refused value itself.
    const message =
      typeof code === 'string' && code.startsWith('22')
        ? 'data exception'
        : typeof error === 'string'
          ? error
          : error.message;
    this.write(
      `[sql] query failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}: ${firstLine(message)} ` +
        `in: ${firstLine(query).slice(0, 200)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.write(`[sql] slow query (${time} ms): ${firstLine(query).slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write(`[sql] ${String(message)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim().replace(/\s+/g, ' ');
}
