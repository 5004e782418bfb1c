import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestSystem, TestSystem } from '../support/system';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** Issue 6 §5: the generated OpenAPI document passes `redocly lint` with the recommended rules (redocly.yaml). */
describe('the OpenAPI document', () => {
  let system: TestSystem;
  let document: { paths: Record<string, Record<string, { security?: unknown[] }>> };
  let dir: string;

  beforeAll(async () => {
    system = await startTestSystem();
    document = (await system.http(null).get('/docs-json').expect(200)).body;
    dir = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await system?.close();
  });

  it('passes redocly lint with the recommended rules: no error, no warning', async () => {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    const lint = await run(
      join(ROOT, 'node_modules', '.bin', 'redocly'),
      ['lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
      {
        cwd: ROOT,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
      },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }));
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map(
      (problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('declares the bearer scheme on every operation but the public ones', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const expected = path === '/health' ? [] : [{ bearer: [] }];
        expect({ operation: `${method.toUpperCase()} ${path}`, security: operation.security }).toEqual({
          operation: `${method.toUpperCase()} ${path}`,
          security: expected,
        });
      }
    }
  });
});
