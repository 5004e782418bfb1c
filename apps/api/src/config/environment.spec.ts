import { validateEnvironment } from './environment';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/inburgering';

describe('validateEnvironment', () => {
  it('applies the defaults', () => {
    expect({ ...validateEnvironment({ DATABASE_URL }) }).toEqual({
      DATABASE_URL,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'trajectories',
      PORT: 3000,
      HOST: '127.0.0.1',
      RUN_MIGRATIONS: true,
    });
  });

  it('parses numbers and flags from their text and ignores unrelated variables', () => {
    const environment = validateEnvironment({
      DATABASE_URL,
      PORT: '8080',
      RUN_MIGRATIONS: 'false',
      HOME: '/root',
    });

    expect(environment.PORT).toBe(8080);
    expect(environment.RUN_MIGRATIONS).toBe(false);
    expect(environment).not.toHaveProperty('HOME');
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnvironment({ DATABASE_URL, TEMPORAL_ADDRESS: '' }).TEMPORAL_ADDRESS).toBe(
      '127.0.0.1:7233',
    );
  });

  it('names the missing or wrong variables', () => {
    expect(() => validateEnvironment({})).toThrow(/DATABASE_URL: .*postgres:\/\//);
    expect(() => validateEnvironment({ DATABASE_URL, PORT: 'http', RUN_MIGRATIONS: 'maybe' })).toThrow(
      'Invalid API environment: PORT: PORT must be an integer; RUN_MIGRATIONS: RUN_MIGRATIONS must be true or false',
    );
  });
});
