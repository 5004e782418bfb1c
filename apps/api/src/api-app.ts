import 'reflect-metadata';
import { DynamicModule, INestApplication, LogLevel, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { logLevel, pinoLevelOfNestLevels } from '../../../libs/logging/src';
import { AppModule } from './app.module';
import { ApiConfig } from './config/api-config.service';
import { EnvironmentOverrides } from './config/environment';
import { ApiLogger, apiLoggerModule } from './http/api-logger';
import { answerClientErrorsWithProblems } from './http/client-errors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { isPartnerFileUpload } from './exchange/exchange-routes';
import { jsonBodyParser } from './http/request-body';
import { securityHeaders } from './http/security-headers';
import { setUpSwagger } from './http/swagger';
import { createValidationPipe } from './http/validation-errors';
import { serveWebApp } from './web/web-app';

export interface ApiAppOptions {
  /** Environment values that take precedence over process.env (e.g. a test's DATABASE_URL). */
  environment?: EnvironmentOverrides;
  /** The log levels to keep (Nest's names); false silences the API. Default: LOG_LEVEL, else info. */
  logger?: LogLevel[] | false;
}

@Module({})
class ApiRootModule {
  static forRoot(options: ApiAppOptions): DynamicModule {
    const level = options.logger === undefined ? logLevel() : pinoLevelOfNestLevels(options.logger);
    return {
      module: ApiRootModule,
      imports: [apiLoggerModule(level), AppModule.forRoot(options.environment)],
      providers: [ApiLogger],
    };
  }
}

/**
 * Builds the API: validated environment, migrations (unless RUN_MIGRATIONS=false), database, Temporal client,
 * security headers, rate limiting per client, JSON bodies bounded in size, validation, problem details for every error, structured logs, OpenAPI (when API_DOCS), shutdown
 * hooks. Initialised but not listening: call `listen(port)` (0 for a random port) or use `getHttpServer()` with
 * supertest; `close()` releases the database pool and the Temporal connection.
 */
export async function createApiApp(options: ApiAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiRootModule.forRoot(options), {
    abortOnError: false,
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(ApiLogger));
  const config = app.get(ApiConfig);
  app.use(securityHeaders({ oidcIssuer: config.oidcIssuer }));
  if (config.webAppDir) {
    const served = serveWebApp(app, {
      directory: config.webAppDir,
      issuer: config.oidcIssuer,
      audience: config.oidcAudience,
    });
    app
      .get(ApiLogger)
      .log(
        served ? 'web app at /app/' : `WEB_APP_DIR has no index.html: the web app is not served`,
        'WebApp',
      );
  }
  app.use(jsonBodyParser({ streamsItsOwnBody: isPartnerFileUpload }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  answerClientErrorsWithProblems(app.getHttpServer());
  app.enableShutdownHooks();
  if (config.apiDocs) setUpSwagger(app);
  await app.init();
  return app;
}
