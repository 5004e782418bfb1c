import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError } from 'typeorm';

/**
 * An unexpected error of the store as a retryable ApplicationFailure that carries no personal data: its type, its
 * SQLSTATE and PostgreSQL's message, never the query's parameters (a QueryFailedError holds them and the Temporal
 * SDK would log and record them), nor a data exception's message (it may quote the value).
 */
export function withoutPersonalData(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: unknown }).code;
    const sqlState = typeof code === 'string' ? code : 'unknown';
    const message = sqlState.startsWith('22') ? 'data exception' : firstLine(error.message);
    return ApplicationFailure.retryable(`SQLSTATE ${sqlState}: ${message}`, 'QueryFailedError');
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? firstLine(error.message) : 'unknown failure';
  return ApplicationFailure.retryable(message, name);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].slice(0, 300);
}
