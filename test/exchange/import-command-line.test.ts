import { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApiApp } from '../../apps/api/src/api-app';
import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';
import { openTrajectory, registrationEvents } from './exchange-helpers';

const run = promisify(execFile);

/** `npm run import:registrations`: the command-line tool against a listening API, as a real process. */
describe('the registration import command line', () => {
  let system: TestSystem;
  let api: INestApplication;
  let directory: string;

  beforeAll(async () => {
    system = await startTestSystem();
    api = await createApiApp({
      environment: { TEMPORAL_TASK_QUEUE: system.taskQueue, RUN_MIGRATIONS: false },
      logger: ['error'],
    });
    await api.listen(0, '127.0.0.1');
    directory = await mkdtemp(join(tmpdir(), 'registration-cli-'));
  });
  afterAll(async () => {
    await api?.close();
    await system?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('streams the file, follows the import to its end, prints the summary and saves the problem rows', async () => {
    const target = await openTrajectory(system);
    const file = join(directory, 'vdab.csv');
    await writeFile(
      file,
      [
        'nationalNumber,registeredOn,office,partnerDossierId',
        `${target.nationalNumber},${daysAgo(1)},VDAB Gent,VDAB-CLI`,
        `${uniqueIdentity().nationalNumber},${daysAgo(1)},VDAB Gent,VDAB-CLI-2`,
        `,${daysAgo(1)},VDAB Gent,VDAB-CLI-3`,
        '',
      ].join('\r\n'),
    );
    const { port } = api.getHttpServer().address() as { port: number };
    const { stdout, stderr } = await run(
      process.execPath,
      [
        '--require',
        join(__dirname, 'support/swc-register.js'),
        join(__dirname, '../../scripts/import-registrations.ts'),
        file,
        '--partner',
        'VDAB',
        '--api',
        `http://127.0.0.1:${port}`,
      ],
      // The partner system's token, as `API_TOKEN=$(npm run --silent token -- vdab-system)` gives it.
      { env: { ...process.env, NODE_OPTIONS: '', API_TOKEN: system.token('vdab-system') }, timeout: 120_000 },
    );
    expect(stderr).toContain('[##############################] 100%  3/3 rows');
    expect(stdout).toMatch(/3 rows staged/);
    expect(stdout).toMatch(/\s1 {2}linked\n/);
    expect(stdout).toMatch(/\s1 {2}unmatched \(reconciliation queue\)\n/);
    expect(stdout).toMatch(/\s1 {2}invalid\n/);
    const problems = await readFile(`${file}.problems.csv`, 'utf8');
    expect(
      problems
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(',').slice(0, 2).join(',')),
    ).toEqual(['rowNumber,outcome', '2,UNMATCHED', '3,INVALID']);
    expect(await registrationEvents(system.database, [target.trajectoryId])).toBe(1);
  });

  it("uploads a municipality's activity file with --kind and prints the partner outcomes", async () => {
    const resident = await openTrajectory(system, {
      ...uniqueIdentity(),
      municipality: 'Gent',
      targetGroupFacts: thirdCountryNewcomerFacts(daysAgo(100)),
    });
    const post = (path: string, body: object) =>
      system.http('counsellor-gent').post(`/trajectories/${resident.trajectoryId}/${path}`).send(body);
    await post('intake', { intakeOn: daysAgo(15), profile: { working: false, mayWork: true } }).expect(200);
    await post('contract', { signedOn: daysAgo(14) }).expect(200);
    const file = join(directory, 'gent.csv');
    await writeFile(
      file,
      [
        'nationalNumber;kind;hours;startedOn;endedOn;organisation',
        `${resident.nationalNumber};BUDDY;6;${daysAgo(10)};${daysAgo(2)};Vzw De Buurt`,
        `${uniqueIdentity().nationalNumber};BUDDY;6;${daysAgo(10)};${daysAgo(2)};Vzw De Buurt`,
        '',
      ].join('\r\n'),
    );
    const { port } = api.getHttpServer().address() as { port: number };
    const { stdout } = await run(
      process.execPath,
      [
        '--require',
        join(__dirname, 'support/swc-register.js'),
        join(__dirname, '../../scripts/import-registrations.ts'),
        file,
        '--kind',
        'participation-activities',
        '--api',
        `http://127.0.0.1:${port}`,
      ],
      {
        env: { ...process.env, NODE_OPTIONS: '', API_TOKEN: system.token('coordinator-gent') },
        timeout: 120_000,
      },
    );
    expect(stdout).toMatch(/2 rows staged/);
    expect(stdout).toMatch(/\s1 {2}applied\n/);
    expect(stdout).toMatch(/\s1 {2}unmatched \(outside your scope or no open trajectory\)\n/);
    const problems = await readFile(`${file}.problems.csv`, 'utf8');
    expect(problems.split('\r\n')[1]).toMatch(/^2,UNMATCHED,/);
  });
});
