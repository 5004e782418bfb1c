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
  return validatedEnvironment(EnvironmentVariables, raw, 'API');
}

function parseBooleanFlag(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalized)) return true;
  if (['false', '0', 'no'].includes(normalized)) return false;
  return value;
}
