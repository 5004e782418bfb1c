import { Transform } from 'class-transformer';
import { SharedEnvironment, validatedEnvironment } from '../../../../libs/config/src';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** The API's environment. Validated once at start-up: a wrong variable stops the process and names itself. */
export class EnvironmentVariables extends SharedEnvironment {
  // Port 0 lets the operating system pick one (tests).
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))
  @Min(0)
  @Max(65535)
  @IsInt({ message: 'PORT must be an integer' })
  PORT = 3000;

  // Loopback by default: the API has no authentication of its own yet. 0.0.0.0 (or ::) listens everywhere.
  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  // Explicit parsing: Boolean('false') is true.
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'RUN_MIGRATIONS must be true or false' })
  RUN_MIGRATIONS = true;

  /** The OpenID provider whose access tokens the API accepts (its discovery document names the JWKS). */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'OIDC_ISSUER must be the http(s) URL of an OpenID provider' },
  )
  OIDC_ISSUER = '';

  /**
   * Where to fetch the issuer's signing keys when the API reaches the provider by another address than the issuer
   * URL in its tokens (docker-compose: Keycloak by its service name). Default: the discovery document's jwks_uri.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'OIDC_JWKS_URI must be an http(s) URL' },
  )
  OIDC_JWKS_URI?: string = undefined;

  /** The `aud` the API's access tokens must carry. */
  @IsString()
  @IsNotEmpty()
  OIDC_AUDIENCE = 'urn:inburgering:api';

  /**
   * Requests per minute one client may send (per token subject; per address for routes without a token), after
   * which it gets 429 with Retry-After. 0 switches rate limiting off (the test suite, benchmarks). Per API
   * instance: behind a load balancer the effective limit is this times the number of instances.
   */
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value))
  @Min(0)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be a whole number (0: no limit)' })
  RATE_LIMIT_PER_MINUTE = 600;

  /** Serve the OpenAPI UI at /docs and the document at /docs-json. Default: on, except with NODE_ENV=production. */
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'API_DOCS must be true or false' })
  API_DOCS = process.env.NODE_ENV !== 'production';

  /**
   * Tests only: POST /trajectories accepts `testDeadlineClock`, a compressed clock on which the trajectory's
   * deadlines fall due seconds later (libs/domain/src/time/deadline-clock.ts). Refused with NODE_ENV=production.
   */
  @Transform(({ value }) => parseBooleanFlag(value))
  @IsBoolean({ message: 'TEST_DEADLINE_CLOCKS must be true or false' })
  TEST_DEADLINE_CLOCKS = false;

  /** The built web app (apps/web, `vite build`): served at /app/ when set. npm start sets it to dist/web. */
  @IsOptional()
  @IsString()
  WEB_APP_DIR?: string = undefined;

  /**
   * The Chromium that prints reports to PDF (apps/api/src/printing): an absolute path, or `none` (the PDF routes
   * then answer 503). Default: Debian's package.
   */
  @IsString()
  @Matches(/^(\/.+|none)$/, {
    message: 'CHROMIUM_PATH must be an absolute path to a Chromium executable, or none',
  })
  CHROMIUM_PATH = '/usr/bin/chromium';
}

/** Values that take precedence over process.env, e.g. a test's database URL. */
export type EnvironmentOverrides = Partial<Record<keyof EnvironmentVariables, string | number | boolean>>;

export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const environment = validatedEnvironment(EnvironmentVariables, raw, 'API');
  if (environment.TEST_DEADLINE_CLOCKS && raw.NODE_ENV === 'production')
    throw new Error(
      'Invalid API environment: TEST_DEADLINE_CLOCKS: test deadline clocks cannot be enabled with NODE_ENV=production',
    );
  return environment;
}

function parseBooleanFlag(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalized)) return true;
  if (['false', '0', 'no'].includes(normalized)) return false;
  return value;
}
