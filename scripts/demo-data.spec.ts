import { calendarDate, checkNationalNumber, decide, evolve } from '../libs/domain/src';
import { belgianNationalNumber, demoTrajectories, idempotencyKey, loadDemoData } from './demo-data';

describe('belgianNationalNumber', () => {
  it('computes the checksum for people born before 2000', () => {
    // 85.07.30-033.?? : 850730033 mod 97 = 69, 97 - 69 = 28
    expect(belgianNationalNumber('1985-07-30', 33)).toBe('85073003328');
  });

  it('prefixes "2" for people born in 2000 or later', () => {
    const number = belgianNationalNumber('2003-02-11', 85);
    expect(number.slice(0, 9)).toBe('030211085');
    expect(Number(number.slice(9))).toBe(97 - (2030211085 % 97));
  });

  it.each(['1991-04-17', '1985-11-02', '1998-07-30', '2003-02-11', '2000-01-01', '1999-12-31'])(
    'produces a number the domain accepts, with the birth date %s',
    (birthDate) => {
      const check = checkNationalNumber(belgianNationalNumber(birthDate, 124));
      expect(check).toMatchObject({ valid: true, birthDate, bis: false });
    },
  );

  it('refuses serials outside 001-997', () => {
    expect(() => belgianNationalNumber('1990-01-01', 0)).toThrow(RangeError);
    expect(() => belgianNationalNumber('1990-01-01', 998)).toThrow(RangeError);
  });
});

describe('demoTrajectories', () => {
  it.each(['2026-03-31', '2026-01-15', '2025-12-31', '2028-02-29'])(
    'are accepted by the domain rules when loaded on %s',
    (today) => {
      const now = Date.parse(`${today}T12:00:00+01:00`);
      for (const demo of demoTrajectories(calendarDate(today))) {
        const commands = [
          {
            type: 'OpenTrajectory' as const,
            trajectoryId: demo.key,
            newcomer: {
              nationalNumber: belgianNationalNumber(demo.newcomer.birthDate, demo.newcomer.serial),
              givenName: demo.newcomer.givenName,
              familyName: demo.newcomer.familyName,
              birthDate: demo.newcomer.birthDate,
              municipality: demo.newcomer.municipality,
            },
            agency: demo.agency,
            registeredOn: demo.registeredOn,
            ...(demo.targetGroupFacts ? { targetGroupFacts: demo.targetGroupFacts } : {}),
          },
          ...(demo.intakeOn
            ? [
                {
                  type: 'RecordIntake' as const,
                  intakeOn: demo.intakeOn,
                  ...(demo.intakeProfile ? { profile: demo.intakeProfile } : {}),
                },
              ]
            : []),
          ...(demo.contractSignedOn
            ? [{ type: 'RecordContract' as const, signedOn: demo.contractSignedOn }]
            : []),
          ...(demo.vdabRegistration
            ? [{ type: 'RecordVdabRegistration' as const, ...demo.vdabRegistration }]
            : []),
          ...(demo.later ?? []),
        ];
        let state = undefined as Parameters<typeof decide>[0];
        for (const command of commands) {
          const decision = decide(state, command, { now });
          if (!decision.accepted)
            throw new Error(`${demo.key} ${command.type}: ${decision.rejection.message}`);
          state = decision.events.reduce(evolve, state);
        }
        const deadline = state?.deadlines.find((candidate) => candidate.kind === 'VDAB_REGISTRATION');
        const expected = {
          'missed-vdab-deadline': { state: 'OPEN', overdue: true }, // the workflow's timer marks it missed
          'vdab-deadline-met': { state: 'MET', overdue: false },
          'vdab-deadline-running': { state: 'OPEN', overdue: false },
          'just-registered': undefined,
          'pillars-in-progress': { state: 'MET', overdue: true }, // met in time; the due date has passed since
          'exempt-later': { state: 'WAIVED', overdue: false },
        }[demo.key];
        expect(deadline && { state: deadline.state, overdue: deadline.dueOn < today }).toEqual(expected);
        if (demo.key === 'pillars-in-progress') {
          expect(state?.targetGroup?.derived.status).toBe('OBLIGED');
          expect(state?.pillars?.MO.status).toBe('COMPLETED');
          expect(state?.pillars?.NT2).toMatchObject({
            status: 'IN_PROGRESS',
            enrolments: [expect.anything()],
          });
          expect(state?.pillars?.PARTICIPATION).toMatchObject({ status: 'IN_PROGRESS', hours: 16 });
          expect(state?.violations).toEqual([]);
        }
        if (demo.key === 'exempt-later')
          expect(state?.targetGroup?.exemption?.reason).toBe('SERIOUS_ILLNESS_OR_DISABILITY');
      }
    },
  );

  it('covers a missed deadline, a met one, a running one and a new registration', () => {
    const today = calendarDate('2026-05-20');
    const demos = demoTrajectories(today);
    const missed = demos.find((demo) => demo.key === 'missed-vdab-deadline')!;
    expect(missed.contractSignedOn).toBe('2026-02-20');
    expect(missed.vdabRegistration).toBeUndefined();
    const met = demos.find((demo) => demo.key === 'vdab-deadline-met')!;
    expect(met.vdabRegistration!.registeredOn <= today).toBe(true);
    expect(demos.find((demo) => demo.key === 'just-registered')!.registeredOn).toBe(today);
  });
});

describe('idempotencyKey', () => {
  it('is a stable UUID per name', () => {
    expect(idempotencyKey('a')).toBe(idempotencyKey('a'));
    expect(idempotencyKey('a')).not.toBe(idempotencyKey('b'));
    expect(idempotencyKey('a')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('loadDemoData', () => {
  type Call = { url: string; headers: Record<string, string>; body: Record<string, unknown> };

  function fakeApi(
    answer: (call: Call) => { status: number; body: unknown } = () => ({ status: 200, body: {} }),
  ) {
    const calls: Call[] = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const call = {
        url,
        headers: init.headers as Record<string, string>,
        body: JSON.parse(init.body as string),
      };
      calls.push(call);
      const opened = url.endsWith('/trajectories') ? { trajectoryId: `id-${call.body.familyName}` } : {};
      const { status, body } = answer(call);
      return new Response(JSON.stringify({ ...opened, events: ['SomethingHappened'], ...(body as object) }), {
        status,
      });
    }) as unknown as typeof fetch;
    return { calls, fetch: fakeFetch };
  }

  it('posts every step through the API with an actor and a key that is stable for the same anchor day', async () => {
    const first = fakeApi();
    const loaded = await loadDemoData('http://api.test/', {
      today: calendarDate('2026-05-20'),
      fetch: first.fetch,
      accessToken: async (agency) => `token-of-${agency}`,
    });
    expect(loaded.map((demo) => demo.trajectoryId)).toEqual([
      'id-Haddad',
      'id-Kovalenko',
      'id-Yousef',
      'id-Ferreira',
      'id-Benali',
      'id-Amrani',
    ]);
    expect(first.calls.map((call) => call.url)).toEqual([
      'http://api.test/trajectories',
      'http://api.test/trajectories/id-Haddad/intake',
      'http://api.test/trajectories/id-Haddad/contract',
      'http://api.test/trajectories',
      'http://api.test/trajectories/id-Kovalenko/intake',
      'http://api.test/trajectories/id-Kovalenko/contract',
      'http://api.test/trajectories/id-Kovalenko/vdab-registration',
      'http://api.test/trajectories',
      'http://api.test/trajectories/id-Yousef/intake',
      'http://api.test/trajectories/id-Yousef/contract',
      'http://api.test/trajectories',
      'http://api.test/trajectories',
      'http://api.test/trajectories/id-Benali/intake',
      'http://api.test/trajectories/id-Benali/contract',
      'http://api.test/trajectories/id-Benali/vdab-registration',
      'http://api.test/trajectories/id-Benali/mo/enrolments',
      'http://api.test/trajectories/id-Benali/mo/test-results',
      'http://api.test/trajectories/id-Benali/mo/test-results',
      'http://api.test/trajectories/id-Benali/nt2/referrals',
      'http://api.test/trajectories/id-Benali/nt2/enrolments',
      'http://api.test/trajectories/id-Benali/participation/activities',
      'http://api.test/trajectories/id-Benali/participation/activities',
      'http://api.test/trajectories',
      'http://api.test/trajectories/id-Amrani/intake',
      'http://api.test/trajectories/id-Amrani/contract',
      'http://api.test/trajectories/id-Amrani/target-group/exemption',
    ]);
    // The first demos send what they always sent (an existing .data directory replays them by key and body).
    expect(first.calls[1].body).toEqual({ intakeOn: '2026-02-06' });
    // Each demo is recorded by a counsellor of its own agency, identified by a bearer token.
    expect(first.calls[0].headers.authorization).toBe('Bearer token-of-ATLAS');
    expect(
      first.calls.every((call) => /^Bearer token-of-(AGII|ATLAS|IN_GENT)$/.test(call.headers.authorization)),
    ).toBe(true);
    const keys = first.calls.map((call) => call.headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(keys.length);

    const again = fakeApi();
    await loadDemoData('http://api.test', { today: calendarDate('2026-05-20'), fetch: again.fetch });
    expect(again.calls.map((call) => call.headers['Idempotency-Key'])).toEqual(keys);
    expect(again.calls.map((call) => call.body)).toEqual(first.calls.map((call) => call.body));

    const nextDay = fakeApi();
    await loadDemoData('http://api.test', { today: calendarDate('2026-05-21'), fetch: nextDay.fetch });
    expect(nextDay.calls[0].headers['Idempotency-Key']).not.toBe(keys[0]);
  });

  it('counts a 409 saying the fact is already there as done, and fails on other refusals', async () => {
    const conflict = fakeApi((call) =>
      call.url.endsWith('/intake')
        ? { status: 409, body: { message: 'intake already recorded on 2026-01-01' } }
        : { status: 201, body: {} },
    );
    const loaded = await loadDemoData('http://api.test', {
      today: calendarDate('2026-05-20'),
      fetch: conflict.fetch,
    });
    expect(loaded[0].steps[1]).toMatch(/already recorded/);

    const refused = fakeApi((call) =>
      call.url.endsWith('/contract')
        ? { status: 422, body: { message: 'signedOn is in the future' } }
        : { status: 201, body: {} },
    );
    await expect(
      loadDemoData('http://api.test', { today: calendarDate('2026-05-20'), fetch: refused.fetch }),
    ).rejects.toThrow(/contract.*422.*signedOn is in the future/);
  });
});
