import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { addMonths, calendarDate } from '../../libs/domain/src';
import { buildWebApp, WEB_APP_DIR } from '../../scripts/web/build-web';
import { axeViolations } from '../support/browser/axe';
import { findChromium, launchBrowser } from '../support/browser/chromium';
import { eventually } from '../support/eventually';
import { daysAgo } from '../support/newcomers';
import { startTestSystem, TestSystem } from '../support/system';
import { uniqueIdentity } from '../support/unique-identities';

/**
 * The caseworkers' web app in a real browser (Debian's Chromium, headless, through playwright-core) against the
 * real stack: the API serving the built app, a worker, the Temporal dev server, PostgreSQL and the embedded OpenID
 * provider. People sign in with authorization code + PKCE at the provider's login form. axe-core checks every
 * page for WCAG 2.1 A/AA violations. UPDATE_SCREENSHOTS=1 writes the README's screenshots (docs/screenshots).
 */
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '..', '..', 'docs', 'screenshots') : undefined;

/** dd/mm/jjjj of a YYYY-MM-DD date. */
const belgian = (date: string) => date.split('-').reverse().join('/');

describe('the web app in a browser', () => {
  let system: TestSystem;
  let chromiumPath: string;
  const browsers: { close(): Promise<void> }[] = [];
  const axeChecked: string[] = [];

  beforeAll(async () => {
    chromiumPath = findChromium((line) => process.stdout.write(`${line}\n`));
    buildWebApp();
    system = await startTestSystem({ listen: { webAppDir: WEB_APP_DIR } });
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });
  // Each person's browser is closed after their test: Chromium is heavy on a shared machine.
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
  });
  afterAll(async () => {
    await system?.close();
    process.stdout.write(
      `axe-core: no WCAG 2.1 A/AA violations on ${axeChecked.length} page states: ${axeChecked.join(', ')}\n`,
    );
  });

  async function signedIn(login: string): Promise<Page> {
    const browser = await launchBrowser(chromiumPath);
    browsers.push(browser);
    const context: BrowserContext = browser.context;
    // A machine shared with other test suites can be slow: wait up to a minute for a page.
    context.setDefaultTimeout(60_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${system.baseUrl}/app/`);
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    // The embedded provider's login form (libs/identity), then back through /app/callback with the code.
    await page.getByLabel('Gebruiker').fill(login);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    try {
      await page.getByText(/Aangemeld als/).waitFor();
    } catch (error) {
      throw new Error(
        `${login} is not signed in at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 500)}`,
        {
          cause: error,
        },
      );
    }
    return page;
  }

  async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
    await page.locator('h1').first().waitFor();
    expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
    axeChecked.push(name);
    if (SCREENSHOTS && name !== 'sign-in')
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async function runNextAction(page: Page, action: string, fill: Record<string, string>): Promise<void> {
    await page.getByRole('button', { name: action }).click();
    const form = page.getByRole('form', { name: action });
    for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
  }

  it('a counsellor signs in, registers a newcomer, records intake and contract, sees the VDAB deadline explained, records the registration and sees the timeline', async () => {
    const page = await signedIn('counsellor-gent');
    await page.waitForURL((url) => url.pathname === '/app/caseload');
    await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
    await expectNoAxeViolations(page, 'caseload');

    await page.getByRole('link', { name: 'Nieuwe inburgeraar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe inburgeraar registreren' }).waitFor();
    const { birthDate, nationalNumber } = uniqueIdentity();
    const register = page.getByRole('form', { name: 'Nieuwe inburgeraar registreren' });
    // A checksum error is caught by the form before anything is sent.
    await register.getByLabel('Rijksregisternummer').fill(`${nationalNumber.slice(0, 9)}00`);
    await register.getByLabel('Voornaam').fill('Amina');
    await register.getByLabel('Familienaam').fill('Webtest');
    await register.getByLabel('Geboortedatum').fill(belgian(birthDate));
    await register.getByLabel('Gemeente').fill('Gent');
    // Registered two months ago: the intake and contract dates below come after it.
    await register.getByLabel('Datum van inschrijving').fill(belgian(daysAgo(60)));
    await register.getByRole('button', { name: 'Registreren en traject openen' }).click();
    await expectDescription(register.getByLabel('Rijksregisternummer'), /geen geldig rijksregisternummer/);
    await expectNoAxeViolations(page, 'register-invalid');
    await register.getByLabel('Rijksregisternummer').fill(nationalNumber);
    await register.getByRole('button', { name: 'Registreren en traject openen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Traject van Amina Webtest' }).waitFor();
    const trajectoryId = page.url().split('/').pop()!;
    // A counsellor sees the national number in full, formatted.
    await page
      .getByText(
        `${nationalNumber.slice(0, 2)}.${nationalNumber.slice(2, 4)}.${nationalNumber.slice(4, 6)}-${nationalNumber.slice(6, 9)}.${nationalNumber.slice(9)}`,
      )
      .waitFor();

    const intakeOn = daysAgo(30);
    const signedOn = daysAgo(20);
    // The domain refuses an intake in the future: its reason stands next to the date field (problem details' field),
    // worded in Dutch from the problem's reason and parameters, the dates as the reader types them.
    await page.getByRole('button', { name: 'Intake registreren' }).click();
    const intake = page.getByRole('form', { name: 'Intake registreren' });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await intake.getByLabel('Datum van de intake').fill(belgian(tomorrow));
    await intake.getByRole('button', { name: 'Opslaan' }).click();
    await expectDescription(
      intake.getByLabel('Datum van de intake'),
      new RegExp(
        `Datum van de intake: ${belgian(tomorrow)} ligt in de toekomst \\(vandaag is het \\d{2}/\\d{2}/\\d{4}\\)\\.`,
      ),
    );
    await expectNoAxeViolations(page, 'trajectory-rejection');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await runNextAction(page, 'Intake registreren', { 'Datum van de intake': belgian(intakeOn) });
    await runNextAction(page, 'Contract registreren', { 'Datum van ondertekening': belgian(signedOn) });

    const vdab = page.locator('tr[data-deadline="VDAB_REGISTRATION"]');
    const dueOn = addMonths(calendarDate(signedOn), 2);
    await vdab.getByText(belgian(dueOn)).waitFor();
    expect(await vdab.innerText()).toMatch(/Inschrijving bij VDAB/);
    expect(await vdab.innerText()).toMatch(/lopend/);
    expect(await vdab.innerText()).toMatch(
      /uiterlijk twee maanden na de ondertekening van het contract in bij VDAB/,
    );
    expect(await vdab.innerText()).toMatch(/Bron: BBT 2020-2021 l\.1203-1205/);
    await expectNoAxeViolations(page, 'trajectory');

    await page.getByRole('button', { name: 'VDAB-inschrijving registreren' }).click();
    const registration = page.getByRole('form', { name: 'VDAB-inschrijving registreren' });
    await registration.getByLabel('Datum van inschrijving').fill(belgian(daysAgo(5)));
    await registration.getByLabel('VDAB-klantnummer').fill('VDAB-WEB-1');
    await registration.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await vdab.getByText('gehaald').waitFor();

    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    for (const entry of [
      'VDAB-inschrijving geregistreerd',
      'Contract ondertekend',
      'Intake geregistreerd',
      'Traject geopend',
    ])
      await timeline.getByText(entry).first().waitFor();
    await expectNoAxeViolations(page, 'trajectory-timeline');

    const stored = await system.http('counsellor-gent').get(`/trajectories/${trajectoryId}`).expect(200);
    expect(stored.body).toMatchObject({
      intakeOn,
      contractSignedOn: signedOn,
      vdabRegisteredOn: daysAgo(5),
      deadlines: [expect.objectContaining({ kind: 'VDAB_REGISTRATION', state: 'MET' })],
    });

    // The new case is in the caseload, on track (other test files add to this counsellor's caseload: its page is
    // found with the pager); English is one choice away.
    await page.getByRole('link', { name: 'Mijn dossiers' }).click();
    await page.getByLabel('Aandacht').selectOption('ON_TRACK');
    await page.locator('tbody .badge:not(.badge-on_track)').first().waitFor({ state: 'detached' });
    const pages = page.getByRole('navigation', { name: 'Pagina’s van de dossiers' });
    await pages.getByText(/^Rijen 1–/).waitFor();
    const newCase = page.getByRole('link', { name: 'Webtest, Amina' }).first();
    for (let turned = 1; !(await newCase.isVisible()) && turned <= 50; turned += 1) {
      await pages.getByRole('button', { name: 'Volgende' }).click();
      await pages.getByText(new RegExp(`^Rijen ${100 * turned + 1}–`)).waitFor();
    }
    await newCase.waitFor();
    await expectNoAxeViolations(page, 'caseload-on-track');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await page.getByLabel('Language').selectOption('nl');
  });

  it('a team lead sees the dashboard with its charts and exports a CSV', async () => {
    const page = await signedIn('manager-gent');
    await page.waitForURL((url) => url.pathname === '/app/dashboard');
    await page.getByRole('heading', { level: 2, name: 'Termijnen per week' }).waitFor();
    await page.locator('#trend-title ~ figure .recharts-surface').first().waitFor();
    await page.locator('#counsellors-title ~ figure .recharts-surface').first().waitFor();
    await expectNoAxeViolations(page, 'dashboard');

    // The key figures are the API's: the three agencies side by side, each figure with its definition and source.
    // Other test files open trajectories for the same agencies meanwhile, so the page is compared with the API's
    // answer to the page's own request, not with another request's.
    const today = daysAgo(0);
    const from = `${today.slice(0, 4)}-01-01`;
    const june = `${today.slice(0, 4)}-06-01`;
    const answerTo = (path: string, matches: (url: URL, headers: Record<string, string>) => boolean) =>
      page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === path && matches(url, response.request().headers());
      });
    const figures = page.getByRole('region', { name: 'Kerncijfers' });
    const table = figures.getByRole('table', { name: `Kerncijfers van ${from} tot en met ${today}` });
    const showPeriodFrom = async (start: string) => {
      await figures.getByLabel('Van', { exact: true }).fill(start);
      await figures.getByRole('button', { name: 'Tonen' }).click();
      await figures.getByRole('table', { name: `Kerncijfers van ${start} tot en met ${today}` }).waitFor();
    };
    await figures.locator('figure .recharts-surface').first().waitFor();
    // Another period and back: the table follows each.
    await showPeriodFrom(june);
    const figuresAnswered = answerTo(
      '/key-figures',
      (url) => url.searchParams.get('from') === from && !url.searchParams.has('format'),
    );
    await showPeriodFrom(from);
    const figuresResponse = await figuresAnswered;
    expect(figuresResponse.status()).toBe(200);
    const answer = (await figuresResponse.json()) as KeyFiguresBody;
    const vdabFigure = answer.figures.find((figure) => figure.id === 'vdab-registered-within-two-months')!;
    expect(vdabFigure.label.nl).toMatch(/VDAB/);
    await figures
      .getByRole('img', { name: new RegExp(`^${escapeRegExp(vdabFigure.label.nl)} per agentschap`) })
      .waitFor();
    const header = (await table.getByRole('columnheader').allTextContents()).map(spaces);
    expect(header).toEqual([
      'Kerncijfer',
      ...['AGII', 'ATLAS', 'IN_GENT'].map(
        (agency) => vdabFigure.groups.find((g) => g.group === agency)!.label,
      ),
      'Alle agentschappen',
      'Definitie en bron',
    ]);
    expect(await table.locator('tbody tr').count()).toBe(answer.figures.length);
    const vdabRow = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(vdabFigure.label.nl)}`) });
    const cells = (await vdabRow.getByRole('cell').allTextContents()).map(spaces);
    const share = (value: number | null) =>
      value === null
        ? '–'
        : spaces(
            new Intl.NumberFormat('nl-BE', { style: 'percent', maximumFractionDigits: 1 }).format(value),
          );
    expect(cells.slice(0, 4)).toEqual([
      ...['AGII', 'ATLAS', 'IN_GENT'].map((agency) =>
        share(vdabFigure.groups.find((g) => g.group === agency)!.value),
      ),
      share(vdabFigure.value),
    ]);
    expect(cells[4]).toContain(spaces(vdabFigure.definition.nl));
    expect(cells[4]).toContain(`Bron: ${vdabFigure.source.document}`);
    await expectNoAxeViolations(page, 'dashboard-key-figures');

    // A file the page saves is the API's answer to the page's request for it, as it came: the request goes through
    // the test on its way (Chromium does not keep the body of a response read as a blob).
    const downloaded = async (
      button: Locator,
      matches: (url: URL, headers: Record<string, string>) => boolean,
    ) => {
      let answered: (answer: { status: number; text: string; type: string }) => void = () => undefined;
      const answer = new Promise<{ status: number; text: string; type: string }>(
        (resolve) => (answered = resolve),
      );
      const passing = async (route: Route) => {
        if (!matches(new URL(route.request().url()), route.request().headers())) return route.fallback();
        const response = await route.fetch();
        answered({
          status: response.status(),
          text: await response.text(),
          type: response.headers()['content-type'],
        });
        await route.fulfill({ response });
      };
      await page.route(() => true, passing);
      try {
        const download = page.waitForEvent('download');
        await button.click();
        const [file, api] = await Promise.all([download, answer]);
        expect(api.status).toBe(200);
        const text = await readDownload(file);
        expect(text).toBe(api.text);
        return { name: file.suggestedFilename(), text, type: api.type };
      } finally {
        await page.unroute(() => true, passing);
      }
    };
    // Its CSV export is the API's (format=csv); the annual report of the year is one click away.
    const figuresCsv = await downloaded(
      figures.getByRole('button', { name: 'Exporteren als CSV' }),
      (url) =>
        url.pathname === '/key-figures' &&
        url.searchParams.get('from') === from &&
        url.searchParams.get('format') === 'csv',
    );
    expect(figuresCsv.name).toBe(`kerncijfers-${from}-${today}.csv`);
    expect(figuresCsv.type).toMatch(/^text\/csv/);
    expect(figuresCsv.text).toContain(vdabFigure.label.nl);
    const year = today.slice(0, 4);
    const report = await downloaded(
      figures.getByRole('button', { name: `Jaarverslag ${year} (HTML)` }),
      (url) => url.pathname === `/reports/annual/${year}`,
    );
    expect(report.name).toBe(`jaarverslag-${year}.html`);
    expect(report.text).toContain(vdabFigure.label.nl);

    // The chart's CSV is the API's list of the chart's query (Accept: text/csv).
    const trendCsv = await downloaded(
      page
        .getByRole('region', { name: 'Termijnen per week' })
        .getByRole('button', { name: 'Exporteren als CSV' }),
      (url, headers) =>
        url.pathname === '/monitoring/deadlines/trend' &&
        url.searchParams.get('weeks') === '12' &&
        url.searchParams.get('agency') === 'IN_GENT' &&
        (headers.accept ?? '').includes('text/csv'),
    );
    expect(trendCsv.name).toBe('termijnen-per-week.csv');
    const text = trendCsv.text;
    expect(text.split(/\r\n/)[0]).toBe(
      'week,weekStart,key,label,fallingDue,metOnTime,metLate,missed,pending',
    );
    expect(text.split(/\r\n/).filter(Boolean)).toHaveLength(13);

    // The agency's caseload as one file: each good row opens a trajectory, the others are shown with why.
    await page.getByRole('link', { name: 'Caseload opladen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Caseload opladen' }).waitFor();
    const person = uniqueIdentity();
    const caseload = [
      'dossierId,nationalNumber,givenName,familyName,birthDate,municipality,registeredOn',
      `web-${Date.now()}-1,${person.nationalNumber},Samira,Bakri,${person.birthDate},Gent,${daysAgo(5)}`,
      `web-${Date.now()}-2,12345678901,Omar,Bakri,1990-01-01,Gent,${daysAgo(5)}`,
    ].join('\n');
    await page
      .getByLabel('Bestand (CSV of JSON Lines)')
      .setInputFiles({ name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(caseload) });
    await page.getByRole('button', { name: 'Opladen' }).click();
    await page.getByText('Verwerking: 2 van 2 rijen').waitFor({ timeout: 60_000 });
    await page
      .getByRole('listitem')
      .filter({ hasText: /^geopend: 1$/ })
      .waitFor();
    await page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Uitkomst' }) })
      // The API's input check of the national number, worded in Dutch from its key.
      .getByRole('row', {
        name: /ongeldig Rijksregisternummer Dit is geen geldig rijksregisternummer: de controlecijfers/,
      })
      .waitFor();
    await expectNoAxeViolations(page, 'caseload-import-done');
  });

  it('a VDAB mediator resolves a reconciliation row and follows an import with its problem rows', async () => {
    const unknown = uniqueIdentity();
    const dossier = `VDAB-WEB-${Date.now()}`;
    const queued = await system
      .http('vdab-system')
      .post('/registrations')
      .send({
        partner: 'VDAB',
        nationalNumber: unknown.nationalNumber,
        registeredOn: daysAgo(2),
        office: 'VDAB Gent',
        partnerDossierId: dossier,
      })
      .expect(200);
    expect(queued.body.outcome).toBe('UNMATCHED');

    const page = await signedIn('vdab-mediator');
    await page.waitForURL((url) => url.pathname === '/app/reconciliation');
    // The queue shows the oldest first, a page at a time, and holds the other test files' rows: found by its dossier.
    await page.getByRole('button', { name: 'Volgende' }).waitFor();
    const search = page.getByRole('search', { name: 'Zoeken' });
    await search.getByLabel('Dossier partner').fill(dossier);
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Rijen 1–1 van 1').waitFor();
    const row = page.getByRole('row', { name: new RegExp(dossier) });
    await row.waitFor();
    await expectNoAxeViolations(page, 'reconciliation');
    // The list's export is the API's CSV of the same query, in the mediator's scope.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
    const exportedFile = await exported;
    expect(exportedFile.suggestedFilename()).toBe('vdab-afstemming.csv');
    const queueCsv = await system
      .http('vdab-mediator')
      .get('/reconciliation')
      .query({ state: 'OPEN', partnerDossierId: dossier, limit: 100, offset: 0, format: 'csv' })
      .expect(200);
    const queueText = await readDownload(exportedFile);
    expect(queueText).toBe(queueCsv.text);
    expect(queueText).toContain(dossier);
    await row.getByRole('button', { name: `Afwijzen ${dossier}` }).click();
    const dismiss = page.getByRole('form', { name: 'Rij afwijzen' });
    await dismiss.getByRole('button', { name: 'Afwijzen' }).click();
    await expectDescription(dismiss.getByLabel('Reden'), /Vul dit veld in/);
    await dismiss.getByLabel('Reden').fill('geen inburgeraar: werkzoekende zonder traject');
    await dismiss.getByRole('button', { name: 'Afwijzen' }).click();
    await page.getByRole('status').filter({ hasText: 'Rij afgehandeld.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const item = await system.database.query(
      `SELECT state, resolved_by, resolution FROM registration_reconciliation WHERE item_id = $1`,
      [queued.body.reconciliationItemId],
    );
    expect(item).toEqual([
      {
        state: 'DISMISSED',
        resolved_by: 'vdab-mediator',
        resolution: 'geen inburgeraar: werkzoekende zonder traject',
      },
    ]);

    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports van inschrijvingen' }).waitFor();
    await expectNoAxeViolations(page, 'imports');
    const csv = [
      'nationalNumber,trajectoryId,registeredOn,office,partnerDossierId',
      `${uniqueIdentity().nationalNumber},,${daysAgo(3)},VDAB Gent,${dossier}-1`,
      `12345678901,,${daysAgo(3)},VDAB Gent,${dossier}-2`,
    ].join('\n');
    await page
      .getByLabel('Bestand (CSV of JSON Lines)')
      .setInputFiles({ name: `${dossier}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Opladen' }).click();
    await page.getByText('Opladen: 100%').waitFor();
    await page.getByText('Verwerking: 2 van 2 rijen').waitFor({ timeout: 60_000 });
    const problems = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Uitkomst' }) });
    // Each problem in Dutch, from the key the report carries.
    await problems
      .getByRole('row', { name: /ongeldig .*Rijksregisternummer: de controlecijfers kloppen niet/ })
      .waitFor();
    await problems
      .getByRole('row', { name: /geen traject .*geen open traject voor deze inburgeraar/ })
      .waitFor();
    await expectNoAxeViolations(page, 'imports-done');
    // The problem rows as the API's CSV, for the partner to correct.
    const problemsCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
    const problemsFile = await problemsCsv;
    expect(problemsFile.suggestedFilename()).toMatch(/^probleemrijen-[\w-]+\.csv$/);
    const problemLines = (await readDownload(problemsFile)).trimEnd().split('\r\n');
    expect(problemLines[0]).toMatch(/^rowNumber,outcome,fields,reason,/);
    expect(problemLines).toHaveLength(3);
  });

  it("the enforcement officer's queue and the coordinator's participation page pass axe", async () => {
    const officer = await signedIn('officer-abb');
    await officer.waitForURL((url) => url.pathname === '/app/violations');
    await officer.getByRole('heading', { level: 1, name: 'Inbreukdossiers' }).waitFor();
    await expectNoAxeViolations(officer, 'violations');
    // Signing out ends the session at the provider too: signing in again asks for the password.
    await officer.getByRole('button', { name: 'Afmelden' }).click();
    await officer.waitForURL((url) => url.pathname === '/app/');
    await officer.getByRole('button', { name: 'Aanmelden' }).click();
    await officer.getByLabel('Wachtwoord').waitFor();
    expect(new URL(officer.url()).origin).not.toBe(system.baseUrl);

    const coordinator = await signedIn('coordinator-gent');
    await coordinator.waitForURL((url) => url.pathname === '/app/participation');
    await coordinator.getByRole('heading', { level: 2, name: 'Uren in uw gemeente' }).waitFor();
    await expectNoAxeViolations(coordinator, 'participation');

    // The municipality's file of activities: each problem row in Dutch, from its key.
    await coordinator.getByRole('link', { name: 'Activiteiten opladen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Activiteiten opladen' }).waitFor();
    const activities = [
      'nationalNumber;kind;hours;startedOn;endedOn;organisation',
      `${uniqueIdentity().nationalNumber};BUDDY;2;${daysAgo(9)};${daysAgo(2)};Vzw De Buurt`,
      `${uniqueIdentity().nationalNumber};BUDDY;twee;${daysAgo(9)};${daysAgo(2)};Vzw De Buurt`,
    ].join('\n');
    await coordinator
      .getByLabel('Bestand (CSV of JSON Lines)')
      .setInputFiles({ name: 'activiteiten.csv', mimeType: 'text/csv', buffer: Buffer.from(activities) });
    await coordinator.getByRole('button', { name: 'Opladen' }).click();
    await coordinator.getByText('Verwerking: 2 van 2 rijen').waitFor({ timeout: 60_000 });
    const activityProblems = coordinator
      .getByRole('table')
      .filter({ has: coordinator.getByRole('columnheader', { name: 'Uitkomst' }) });
    await activityProblems
      .getByRole('row', {
        name: /geen traject .*geen open traject voor deze inburgeraar binnen uw bevoegdheid/,
      })
      .waitFor();
    await activityProblems
      .getByRole('row', { name: /ongeldig Aantal uren Aantal uren: moet een aantal uren zijn, bv\. 2,5/ })
      .waitFor();
    await expectNoAxeViolations(coordinator, 'participation-import-done');
  });
});

/** The text of the elements that describe a control (aria-describedby): its hint and its error. */
async function expectDescription(control: Locator, expected: RegExp): Promise<void> {
  await eventually(async () => {
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).innerText()));
    expect(texts.join(' ')).toMatch(expected);
  }, 20_000);
}

interface KeyFiguresBody {
  figures: {
    id: string;
    label: { nl: string };
    definition: { nl: string };
    source: { document: string };
    value: number | null;
    groups: { group: string | null; label: string; value: number | null }[];
  }[];
}

const spaces = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function readDownload(download: {
  createReadStream(): Promise<NodeJS.ReadableStream>;
}): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
