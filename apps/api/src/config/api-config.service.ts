import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './environment';

/** Typed access to the validated environment. */
@Injectable()
export class ApiConfig {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  get databaseUrl(): string {
    return this.config.get('DATABASE_URL', { infer: true });
  }

  /** Where migrations run: the schema owner (DATABASE_OWNER_URL), else DATABASE_URL. */
  get databaseOwnerUrl(): string {
    return this.config.get('DATABASE_OWNER_URL', { infer: true }) || this.databaseUrl;
  }

  get temporalAddress(): string {
    return this.config.get('TEMPORAL_ADDRESS', { infer: true });
  }

  get temporalNamespace(): string {
    return this.config.get('TEMPORAL_NAMESPACE', { infer: true });
  }

  get temporalTaskQueue(): string {
    return this.config.get('TEMPORAL_TASK_QUEUE', { infer: true });
  }

  get port(): number {
    return this.config.get('PORT', { infer: true });
  }

  get host(): string {
    return this.config.get('HOST', { infer: true });
  }

  get runMigrations(): boolean {
    return this.config.get('RUN_MIGRATIONS', { infer: true });
  }

  get oidcIssuer(): string {
    return this.config.get('OIDC_ISSUER', { infer: true });
  }

  get oidcJwksUri(): string | undefined {
    return this.config.get('OIDC_JWKS_URI', { infer: true }) || undefined;
  }

  get rateLimitPerMinute(): number {
    return this.config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
  }

  get apiDocs(): boolean {
    return this.config.get('API_DOCS', { infer: true });
  }

  get oidcAudience(): string {
    return this.config.get('OIDC_AUDIENCE', { infer: true });
  }

  /** Tests only: POST /trajectories may carry a compressed deadline clock. */
  get testDeadlineClocks(): boolean {
    return this.config.get('TEST_DEADLINE_CLOCKS', { infer: true });
  }

  get temporalPayloadKeys(): string {
    return this.config.get('TEMPORAL_PAYLOAD_KEYS', { infer: true });
  }

  get webAppDir(): string | undefined {
    return this.config.get('WEB_APP_DIR', { infer: true }) || undefined;
  }

  /** The Chromium executable that prints PDFs; undefined when none is configured. */
  get chromiumPath(): string | undefined {
    const path = this.config.get('CHROMIUM_PATH', { infer: true });
    return path === 'none' ? undefined : path;
  }
}
