import 'reflect-metadata';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { EnvironmentOverrides } from './config/environment';
import { setUpSwagger } from './http/swagger';
import { createValidationPipe } from './http/validation-errors';

export interface ApiAppOptions {
  /** Environment values that take precedence over process.env (e.g. a test's DATABASE_URL). */
  environment?: EnvironmentOverrides;
  /** Nest log levels; false silences Nest's logger. */
  logger?: LogLevel[] | false;
}

/**
 * Builds the API: validated environment, migrations (unless RUN_MIGRATIONS=false), database, Temporal client,
 * validation, OpenAPI, shutdown hooks. Initialised but not listening: call `listen(port)` (0 for a random
 * port) or use `getHttpServer()` with supertest; `close()` releases the database pool and the Temporal connection.
 */
export async function createApiApp(options: ApiAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options.environment), {
    abortOnError: false,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setUpSwagger(app);
  await app.init();
  return app;
}
