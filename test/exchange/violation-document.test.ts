import { daysAgo, thirdCountryNewcomerFacts } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { ruleSteps } from '../trajectory/rules-helpers';

const OFFICER = 'officer-abb';

/**
 * Issue 8 §3, the enforcement officer: the violation file as a document (JSON and a printable Dutch page) with the
 * facts of the file only, and the decision back through the existing command, idempotent on a retried request.
 */
describe('the violation file as a document for the enforcement officer', () => {
  let system: TestSystem;
  let steps: ReturnType<typeof ruleSteps>;
  let trajectoryId: string;
  let violationId: string;
  let nationalNumber: string;

  beforeAll(async () => {
    system = await startTestSystem();
    steps = ruleSteps(system);
    trajectoryId = await steps.open(20, thirdCountryNewcomerFacts(daysAgo(130)));
    // The agency's letter sets the deadline to report, with its rule and source.
    await steps
      .post(trajectoryId, 'agency-letter', { sentOn: daysAgo(25), sendingAgency: 'IN_GENT' })
      .expect(200);
    await steps
      .post(trajectoryId, 'violations', {
        kind: 'REFUSAL_TO_SIGN',
        observedOn: daysAgo(1),
        facts: 'Weigerde te tekenen <script>alert(1)</script> & vertrok',
      })
      .expect(200);
    violationId = `${trajectoryId}:violation:1`;
    nationalNumber = (await steps.view(trajectoryId)).nationalNumber;
  });
  afterAll(() => system?.close());

  const documentOf = (id: string, identity = OFFICER, suffix = '') =>
    system.http(identity).get(`/violations/${encodeURIComponent(id)}/document${suffix}`);

  it('answers the person, the obligation, the facts, the deadlines with rule and source, and the events', async () => {
    const { body } = await documentOf(violationId).expect(200);
    expect(body).toMatchObject({
      documentVersion: 1,
      violation: {
        violationId,
        trajectoryId,
        kind: 'REFUSAL_TO_SIGN',
        state: 'OPEN',
        facts: `Observed on ${daysAgo(1)}: Weigerde te tekenen <script>alert(1)</script> & vertrok`,
        decision: null,
      },
      obligation: {
        targetGroupStatus: 'OBLIGED',
        rule: { id: expect.any(String), source: expect.stringMatching(/\S/) },
        agency: 'IN_GENT',
        contract: null,
      },
    });
    // The facts of the file only: who the person is, nothing of the case beyond it.
    expect(body.person).toEqual({
      givenName: 'Amina',
      familyName: 'Haddad',
      nationalNumber,
      municipality: 'Gent',
    });
    const text = JSON.stringify(body);
    for (const hidden of ['birthDate', 'counsellor', 'pillars', 'intakeProfile'])
      expect(text).not.toContain(hidden);
    expect(body.deadlines.map((deadline: { kind: string }) => deadline.kind)).toEqual([
      'AGENCY_REGISTRATION',
    ]);
    for (const deadline of body.deadlines) {
      expect(deadline).toMatchObject({
        kind: expect.any(String),
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        policyVersion: expect.any(String),
        source: expect.stringMatching(/\S/),
      });
    }
    const types = body.events.map((event: { type: string }) => event.type);
    expect(types[0]).toBe('TrajectoryOpened');
    expect(types).toEqual(
      expect.arrayContaining([
        'TargetGroupDetermined',
        'AgencyLetterRecorded',
        'DeadlineSet',
        'ViolationOpened',
      ]),
    );
  });

  it('prints as a Dutch page with print CSS, every value escaped', async () => {
    const response = await documentOf(violationId, OFFICER, '.html').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const page = response.text;
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<h1>Inbreukdossier</h1>');
    expect(page).toContain('Weigering om het inburgeringscontract te ondertekenen');
    expect(page).toContain('inburgeringsplichtig');
    expect(page).toContain('@media print');
    expect(page).toContain(nationalNumber);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; vertrok');
  });

  it('prints as a PDF (the same page, through headless Chromium)', async () => {
    const response = await documentOf(violationId, OFFICER, '.pdf')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await documentOf(violationId, 'counsellor-gent', '.pdf').expect(403);
  }, 120_000);

  it('is for the enforcement officer only, within scope', async () => {
    await documentOf(violationId, 'counsellor-gent').expect(403);
    await documentOf(`${trajectoryId}:violation:9`).expect(404);
    const withoutFile = await steps.open(20, thirdCountryNewcomerFacts(daysAgo(130)));
    await documentOf(`${withoutFile}:violation:1`).expect(404);
  });

  it('takes the decision back through the decision command, idempotent on a retried request', async () => {
    const decide = (body: object, key?: string) => {
      const request = system
        .http(OFFICER)
        .post(`/trajectories/${trajectoryId}/violations/${encodeURIComponent(violationId)}/decision`);
      return (key ? request.set('Idempotency-Key', key) : request).send(body);
    };
    const fine = { decision: 'FINE', amountEuro: 150, decidedOn: daysAgo(0) };
    const before = await steps.streamLength(trajectoryId);
    const first = await decide(fine, 'decision-retry-1').expect(200);
    expect(first.body.events).toEqual(['FineDecisionRecorded']);
    expect(await steps.streamLength(trajectoryId)).toBe(before + 1);

    const retried = await decide(fine, 'decision-retry-1').expect(200);
    expect(retried.body).toEqual(first.body);
    expect(await steps.streamLength(trajectoryId)).toBe(before + 1);

    // The same key for another decision is refused; the same decision without the key finds it decided.
    const reused = await decide({ ...fine, amountEuro: 200 }, 'decision-retry-1');
    expect([409, 422]).toContain(reused.status);
    await decide(fine).expect(409);
    expect(await steps.streamLength(trajectoryId)).toBe(before + 1);

    const { body } = await documentOf(violationId).expect(200);
    expect(body.violation).toMatchObject({
      state: 'DECIDED',
      decision: { decision: 'FINE', amountEuro: 150, decidedOn: daysAgo(0) },
    });
    expect(body.events.map((event: { type: string }) => event.type)).toContain('FineDecisionRecorded');
  });
});
