import { validateEnvironment } from './environment';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/inburgering';
const OIDC_ISSUER = 'http://127.0.0.1:9000';
const TEMPORAL_PAYLOAD_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('validateEnvironment', () => {
  it('applies the defaults', () => {
    expect({ ...validateEnvironment({ DATABASE_URL, OIDC_ISSUER, TEMPORAL_PAYLOAD_KEYS }) }).toEqual({
      DATABASE_URL,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'trajectories',
      TEMPORAL_PAYLOAD_KEYS,
      PORT: 3000,
      HOST: '127.0.0.1',
      RUN_MIGRATIONS: true,
      OIDC_ISSUER,
      OIDC_AUDIENCE: 'urn:inburgering:api',
      RATE_LIMIT_PER_MINUTE: 600,
      API_DOCS: true,
      TEST_DEADLINE_CLOCKS: false,
      CHROMIUM_PATH: '/usr/bin/chromium',
    });
  });

  it('refuses a rate limit that is not a whole number, naming it', () => {
    expect(() =>
      validateEnvironment({
        DATABASE_URL,
        OIDC_ISSUER,
        TEMPORAL_PAYLOAD_KEYS,
        RATE_LIMIT_PER_MINUTE: 'lots',
      }),
    ).toThrow('RATE_LIMIT_PER_MINUTE must be a whole number (0: no limit)');
  });

  it('enables test deadline clocks outside production only', () => {
    const base = { DATABASE_URL, OIDC_ISSUER, TEMPORAL_PAYLOAD_KEYS };
    expect(validateEnvironment({ ...base, TEST_DEADLINE_CLOCKS: 'true' }).TEST_DEADLINE_CLOCKS).toBe(true);
    expect(
      validateEnvironment({ ...base, TEST_DEADLINE_CLOCKS: 'false', NODE_ENV: 'production' })
        .TEST_DEADLINE_CLOCKS,
    ).toBe(false);
    expect(() =>
      validateEnvironment({ ...base, TEST_DEADLINE_CLOCKS: 'true', NODE_ENV: 'production' }),
    ).toThrow(/TEST_DEADLINE_CLOCKS: test deadline clocks cannot be enabled with NODE_ENV=production/);
    expect(() => validateEnvironment({ ...base, TEST_DEADLINE_CLOCKS: 'maybe' })).toThrow(
      /TEST_DEADLINE_CLOCKS must be true or false/,
    );
  });

  it('takes an absolute CHROMIUM_PATH or none, and names a relative one', () => {
    const base = { DATABASE_URL, OIDC_ISSUER, TEMPORAL_PAYLOAD_KEYS };
    expect(validateEnvironment({ ...base, CHROMIUM_PATH: 'none' }).CHROMIUM_PATH).toBe('none');
    expect(validateEnvironment({ ...base, CHROMIUM_PATH: '/opt/chrome/chrome' }).CHROMIUM_PATH).toBe(
      '/opt/chrome/chrome',
    );
    expect(() => validateEnvironment({ ...base, CHROMIUM_PATH: 'chromium' })).toThrow(/CHROMIUM_PATH/);
  });

  it('parses numbers and flags from their text and ignores unrelated variables', () => {
    const environment = validateEnvironment({
      DATABASE_URL,
      OIDC_ISSUER,
      TEMPORAL_PAYLOAD_KEYS,
      PORT: '8080',
      RUN_MIGRATIONS: 'false',
      HOME: '/root',
    });

    expect(environment.PORT).toBe(8080);
    expect(environment.RUN_MIGRATIONS).toBe(false);
    expect(environment).not.toHaveProperty('HOME');
  });

  it('treats an empty variable as unset', () => {
    expect(
      validateEnvironment({ DATABASE_URL, OIDC_ISSUER, TEMPORAL_PAYLOAD_KEYS, TEMPORAL_ADDRESS: '' })
        .TEMPORAL_ADDRESS,
    ).toBe('127.0.0.1:7233');
  });

  it('names the missing or wrong variables', () => {
    expect(() => validateEnvironment({})).toThrow(/DATABASE_URL: .*postgres:\/\//);
    expect(() => validateEnvironment({ DATABASE_URL })).toThrow(
      /OIDC_ISSUER: OIDC_ISSUER must be the http\(s\) URL of an OpenID provider/,
    );
    expect(() =>
      validateEnvironment({ DATABASE_URL, OIDC_ISSUER, TEMPORAL_PAYLOAD_KEYS: 'k1:short' }),
    ).toThrow(/TEMPORAL_PAYLOAD_KEYS: TEMPORAL_PAYLOAD_KEYS must be id:key pairs/);
    expect(() =>
      validateEnvironment({
        DATABASE_URL,
        OIDC_ISSUER,
        TEMPORAL_PAYLOAD_KEYS,
        PORT: 'http',
        RUN_MIGRATIONS: 'maybe',
      }),
    ).toThrow(
      'Invalid API environment: PORT: PORT must be an integer; RUN_MIGRATIONS: RUN_MIGRATIONS must be true or false',
    );
  });
});
