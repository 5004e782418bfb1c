import type { KeyFigure, KeyFigureOf, Population } from './key-figure';

const DASHBOARD = {
  document: 'BBT 2020-2021',
  passage:
    'l.1392-1398 — "In 2020 werd voor het eerst een uitgebreid jaarrapport inburgering opgemaakt. … Nieuw is ook ' +
    'de start van een dashboard met een aantal kernindicatoren"',
} as const;
const TIME_LOST_BEFORE_NT2 = {
  document: 'Beleidsbrief 2015-2016',
  passage:
    'l.470-474 — "nagegaan worden of inburgeraars vlotter kunnen instromen naar een NT2-traject teneinde te ' +
    'vermijden dat er veel tijd verloren gaat vooraleer de inburgeraar kan starten zich het Nederlands eigen te maken"',
} as const;
const ATTEST_AFTER_MO_AND_NT2 = {
  document: 'Beleidsbrief 2015-2016',
  passage:
    'l.135-137 — "Het inburgeringsattest zal enkel nog uitgereikt worden aan inburgeraars die geslaagd zijn voor ' +
    'MO en NT2."',
} as const;
const FINES = {
  document: 'Actieplan integratiebeleid',
  passage:
    'l.293-295 — "Inburgeraars die hun contract niet naleven, kunnen een administratieve geldboete krijgen van de ' +
    'handhavingsambtenaren"',
} as const;
const BENCHMARKING = {
  document: 'Beleidsbrief 2015-2016',
  passage:
    'l.961-967 — "De Agentschappen stemmen hun tevredenheidsmetingen onderling op elkaar af zodat onderlinge ' +
    'benchmarking mogelijk wordt." (the three agencies side by side)',
} as const;
const FOURTH_PILLAR = {
  document: 'BBT 2020-2021',
  passage:
    'l.935-938 — "een digitaal meetinstrument … dat … de beoogde doelen van deze pijler per individu in kaart ' +
    'brengt"; the 40 hours: Beleidsplan 2020-2024 l.203-222',
} as const;

function figure<P extends Population>(definition: KeyFigureOf<P>): KeyFigureOf<P> {
  return definition;
}

/**
 * The agencies' key figures, each defined once: what it counts (selection), how (aggregate), and why (source).
 * The API computes them with SQL over the read models and, as of a past date, with `computeKeyFigure` over the
 * facts folded from the events; both follow these definitions (libs/store/src/key-figures).
 */
export const KEY_FIGURES = [
  figure({
    id: 'vdab-registered-within-two-months',
    label: {
      nl: 'Aandeel contractondertekenaars binnen twee maanden ingeschreven bij VDAB',
      en: 'Share of contract signers registered with VDAB within two months',
    },
    definition: {
      nl:
        'Van de trajecten met een contract ondertekend in de periode: het aandeel met een inschrijving bij VDAB ' +
        '(of Actiris) uiterlijk twee kalendermaanden na de ondertekening (ook een inschrijving ervoor telt).',
      en:
        'Of the trajectories whose contract was signed in the period: the share registered with VDAB (or ' +
        'Actiris) at the latest two calendar months after signing (a registration before it counts too).',
    },
    unit: 'share',
    source: {
      document: 'BBT 2020-2021',
      passage:
        'l.1197 — "slechts de helft van de personen met een ondertekend inburgeringscontract in 2018-2019 gekend ' +
        'is bij VDAB"; l.1203-1205 "uiterlijk 2 maanden na het ondertekenen van het inburgeringscontract"',
    },
    selection: { population: 'trajectories', cohort: 'contractOn' },
    aggregate: { kind: 'SHARE', fact: 'vdabWithinTwoMonths' },
  }),
  figure({
    id: 'days-intake-to-nt2-course-median',
    label: {
      nl: 'Dagen van intake tot start NT2-cursus (mediaan)',
      en: 'Days from intake to NT2 course start (median)',
    },
    definition: {
      nl: 'Van de trajecten waarvan de eerste NT2-cursus in de periode startte: de mediaan van de dagen sinds de intake.',
      en: 'Of the trajectories whose first NT2 course started in the period: the median of the days since the intake.',
    },
    unit: 'days',
    source: TIME_LOST_BEFORE_NT2,
    selection: { population: 'trajectories', cohort: 'firstNt2CourseOn' },
    aggregate: { kind: 'MEDIAN', fact: 'daysIntakeToNt2Course' },
  }),
  figure({
    id: 'days-intake-to-nt2-course-mean',
    label: {
      nl: 'Dagen van intake tot start NT2-cursus (gemiddelde)',
      en: 'Days from intake to NT2 course start (mean)',
    },
    definition: {
      nl: 'Van de trajecten waarvan de eerste NT2-cursus in de periode startte: het gemiddelde van de dagen sinds de intake.',
      en: 'Of the trajectories whose first NT2 course started in the period: the mean of the days since the intake.',
    },
    unit: 'days',
    source: TIME_LOST_BEFORE_NT2,
    selection: { population: 'trajectories', cohort: 'firstNt2CourseOn' },
    aggregate: { kind: 'MEAN', fact: 'daysIntakeToNt2Course' },
  }),
  figure({
    id: 'days-registration-to-contract-median',
    label: {
      nl: 'Dagen van aanmelding tot contract (mediaan)',
      en: 'Days from registration to contract (median)',
    },
    definition: {
      nl: 'Van de trajecten met een contract ondertekend in de periode: de mediaan van de dagen sinds de aanmelding.',
      en: 'Of the trajectories whose contract was signed in the period: the median of the days since registration.',
    },
    unit: 'days',
    source: DASHBOARD,
    selection: { population: 'trajectories', cohort: 'contractOn' },
    aggregate: { kind: 'MEDIAN', fact: 'daysRegistrationToContract' },
  }),
  figure({
    id: 'days-registration-to-contract-mean',
    label: {
      nl: 'Dagen van aanmelding tot contract (gemiddelde)',
      en: 'Days from registration to contract (mean)',
    },
    definition: {
      nl: 'Van de trajecten met een contract ondertekend in de periode: het gemiddelde van de dagen sinds de aanmelding.',
      en: 'Of the trajectories whose contract was signed in the period: the mean of the days since registration.',
    },
    unit: 'days',
    source: DASHBOARD,
    selection: { population: 'trajectories', cohort: 'contractOn' },
    aggregate: { kind: 'MEAN', fact: 'daysRegistrationToContract' },
  }),
  figure({
    id: 'mo-pass-rate-first-attempt',
    label: { nl: 'Slaagpercentage MO, eerste poging', en: 'MO pass rate, first attempt' },
    definition: {
      nl: 'Van de inburgeraars met hun eerste MO-test in de periode: het aandeel dat die eerste test haalde.',
      en: 'Of the newcomers who took their first MO test in the period: the share who passed that first test.',
    },
    unit: 'share',
    source: ATTEST_AFTER_MO_AND_NT2,
    selection: { population: 'trajectories', cohort: 'firstMoTestOn' },
    aggregate: { kind: 'SHARE', fact: 'moPassedFirstAttempt' },
  }),
  figure({
    id: 'mo-pass-rate-overall',
    label: { nl: 'Slaagpercentage MO, alle pogingen', en: 'MO pass rate, overall' },
    definition: {
      nl: 'Van de inburgeraars met hun eerste MO-test in de periode: het aandeel dat ooit een MO-test haalde.',
      en: 'Of the newcomers who took their first MO test in the period: the share who passed an MO test at any attempt.',
    },
    unit: 'share',
    source: ATTEST_AFTER_MO_AND_NT2,
    selection: { population: 'trajectories', cohort: 'firstMoTestOn' },
    aggregate: { kind: 'SHARE', fact: 'moPassed' },
  }),
  figure({
    id: 'nt2-pass-rate-first-attempt',
    label: { nl: 'Slaagpercentage NT2, eerste poging', en: 'NT2 pass rate, first attempt' },
    definition: {
      nl: 'Van de inburgeraars met hun eerste NT2-test in de periode: het aandeel dat die eerste test haalde.',
      en: 'Of the newcomers who took their first NT2 test in the period: the share who passed that first test.',
    },
    unit: 'share',
    source: ATTEST_AFTER_MO_AND_NT2,
    selection: { population: 'trajectories', cohort: 'firstNt2TestOn' },
    aggregate: { kind: 'SHARE', fact: 'nt2PassedFirstAttempt' },
  }),
  figure({
    id: 'nt2-pass-rate-overall',
    label: { nl: 'Slaagpercentage NT2, alle pogingen', en: 'NT2 pass rate, overall' },
    definition: {
      nl: 'Van de inburgeraars met hun eerste NT2-test in de periode: het aandeel dat ooit een NT2-test haalde.',
      en: 'Of the newcomers who took their first NT2 test in the period: the share who passed an NT2 test at any attempt.',
    },
    unit: 'share',
    source: ATTEST_AFTER_MO_AND_NT2,
    selection: { population: 'trajectories', cohort: 'firstNt2TestOn' },
    aggregate: { kind: 'SHARE', fact: 'nt2Passed' },
  }),
  figure({
    id: 'attests-issued',
    label: { nl: 'Uitgereikte inburgeringsattesten', en: 'Attests issued' },
    definition: {
      nl: 'Het aantal inburgeringsattesten uitgereikt in de periode.',
      en: 'The number of integration attests issued in the period.',
    },
    unit: 'count',
    source: ATTEST_AFTER_MO_AND_NT2,
    selection: { population: 'trajectories', cohort: 'attestOn' },
    aggregate: { kind: 'COUNT' },
  }),
  figure({
    id: 'days-registration-to-attest-median',
    label: {
      nl: 'Trajectduur tot het attest in dagen (mediaan)',
      en: 'Trajectory duration to the attest in days (median)',
    },
    definition: {
      nl: 'Van de attesten uitgereikt in de periode: de mediaan van de dagen van aanmelding tot attest.',
      en: 'Of the attests issued in the period: the median of the days from registration to the attest.',
    },
    unit: 'days',
    source: DASHBOARD,
    selection: { population: 'trajectories', cohort: 'attestOn' },
    aggregate: { kind: 'MEDIAN', fact: 'daysRegistrationToAttest' },
  }),
  figure({
    id: 'participation-hours-per-person',
    label: { nl: 'Uren vierde pijler per persoon', en: 'Fourth-pillar hours per person' },
    definition: {
      nl:
        'Van de trajecten met een contract ondertekend in de periode waarvoor de participatiepijler verplicht is: ' +
        'het gemiddelde aantal gelogde participatie-uren.',
      en:
        'Of the trajectories whose contract was signed in the period and for which the participation pillar is ' +
        'required: the mean of the participation hours logged.',
    },
    unit: 'hours',
    source: FOURTH_PILLAR,
    selection: {
      population: 'trajectories',
      cohort: 'contractOn',
      where: { fact: 'participationRequired', equals: true },
    },
    aggregate: { kind: 'MEAN', fact: 'participationHours' },
  }),
  figure({
    id: 'participation-completed-share',
    label: { nl: 'Aandeel vierde pijler voltooid', en: 'Share with the fourth pillar completed' },
    definition: {
      nl:
        'Van de trajecten met een contract ondertekend in de periode waarvoor de participatiepijler verplicht is: ' +
        'het aandeel met de pijler voltooid.',
      en:
        'Of the trajectories whose contract was signed in the period and for which the participation pillar is ' +
        'required: the share with the pillar completed.',
    },
    unit: 'share',
    source: FOURTH_PILLAR,
    selection: {
      population: 'trajectories',
      cohort: 'contractOn',
      where: { fact: 'participationRequired', equals: true },
    },
    aggregate: { kind: 'SHARE', fact: 'participationCompleted' },
  }),
  figure({
    id: 'violations-opened',
    label: { nl: 'Geopende inbreukdossiers', en: 'Violation files opened' },
    definition: {
      nl: 'Het aantal inbreukdossiers geopend in de periode.',
      en: 'The number of violation files opened in the period.',
    },
    unit: 'count',
    source: FINES,
    selection: { population: 'violations', cohort: 'openedOn' },
    aggregate: { kind: 'COUNT' },
  }),
  figure({
    id: 'violations-decided',
    label: { nl: 'Besliste inbreukdossiers', en: 'Violation files decided' },
    definition: {
      nl: 'Het aantal inbreukdossiers waarover de handhavingsambtenaar in de periode besliste (boete of geen boete).',
      en: 'The number of violation files the enforcement officer decided in the period (fine or no fine).',
    },
    unit: 'count',
    source: FINES,
    selection: { population: 'violations', cohort: 'decidedOn' },
    aggregate: { kind: 'COUNT' },
  }),
  figure({
    id: 'fines-imposed',
    label: { nl: 'Opgelegde administratieve geldboetes', en: 'Administrative fines imposed' },
    definition: {
      nl: 'Het aantal boetes opgelegd in de periode.',
      en: 'The number of fines imposed in the period.',
    },
    unit: 'count',
    source: FINES,
    selection: { population: 'violations', cohort: 'decidedOn', where: { fact: 'decision', equals: 'FINE' } },
    aggregate: { kind: 'COUNT' },
  }),
  figure({
    id: 'fines-total-euro',
    label: { nl: 'Totaal opgelegde boetes (euro)', en: 'Total of the fines imposed (euro)' },
    definition: {
      nl: 'De som van de boetes opgelegd in de periode, in euro.',
      en: 'The sum of the fines imposed in the period, in euro.',
    },
    unit: 'euro',
    source: {
      document: 'Handhaving inburgeringsbeleid',
      passage: '§Boete — een administratieve geldboete van 50 tot 5.000 euro',
    },
    selection: { population: 'violations', cohort: 'decidedOn', where: { fact: 'decision', equals: 'FINE' } },
    aggregate: { kind: 'SUM', fact: 'amountEuro' },
  }),
  figure({
    id: 'open-cases-per-counsellor',
    label: { nl: 'Lopende dossiers per trajectbegeleider', en: 'Open cases per counsellor' },
    definition: {
      nl:
        'Op de laatste dag van de periode: de lopende trajecten (aangemeld en niet afgesloten) met een ' +
        'trajectbegeleider, gedeeld door het aantal trajectbegeleiders met minstens één.',
      en:
        "On the period's last day: the open trajectories (registered and not closed) with a counsellor, divided by " +
        'the number of counsellors with at least one.',
    },
    unit: 'per-counsellor',
    source: BENCHMARKING,
    selection: { population: 'trajectories', cohort: 'OPEN_AT_END' },
    aggregate: { kind: 'PER_COUNSELLOR', counsellor: 'counsellorId' },
  }),
  figure({
    id: 'commands-per-counsellor-per-week',
    label: { nl: 'Acties per trajectbegeleider per week', en: 'Commands per counsellor per week' },
    definition: {
      nl:
        'De opdrachten die trajectbegeleiders in de periode registreerden (een opdracht: één verzoek, ook als het ' +
        'meerdere gebeurtenissen vastlegt), per trajectbegeleider die er minstens één gaf, per week van de periode.',
      en:
        'The commands counsellors recorded in the period (one request, whatever the number of events it ' +
        'recorded), per counsellor who gave at least one, per week of the period.',
    },
    unit: 'per-counsellor-week',
    source: BENCHMARKING,
    selection: { population: 'commands', cohort: 'recordedOn' },
    aggregate: { kind: 'PER_COUNSELLOR_WEEK', counsellor: 'counsellor' },
  }),
] as const satisfies readonly KeyFigure[];

export type KeyFigureId = (typeof KEY_FIGURES)[number]['id'];

export function keyFigure(id: KeyFigureId): KeyFigure {
  const found = KEY_FIGURES.find((figure) => figure.id === id);
  if (!found) throw new Error(`no key figure ${id}`);
  return found;
}
