import {
  contributionOf,
  isSummable,
  KEY_FIGURES,
  KeyFigureOf,
  openCaseChanges as openCaseChangesOf,
  SummablePopulation,
  trajectoryFactsOf,
  violationFactsOf,
} from '../../../domain/src/key-figures';
import { KeyFigureContributionRecord, OpenCaseChangeRecord } from '../entities';
import type { SummedReadModel } from './summed-read-models';

type Property = keyof KeyFigureContributionRecord;
const MEASURES = ['selected', 'known', 'matchingHundredths'] satisfies Property[];

/** The first of January of a month's (SQL of a date column of the row `alias`), for sums per year rebuilt from those per month. */
const yearOf = (month: string) => (alias: string) =>
  `make_date(extract(year FROM ${alias}.${month})::int, 1, 1)`;

/** The figures summed per cohort month (the open cases at a period's end and the commands are read as they are). */
export const SUMMED_KEY_FIGURES = KEY_FIGURES.filter(
  isSummable,
) as readonly KeyFigureOf<SummablePopulation>[];

/**
 * What each trajectory and each of its violation files add to the key figures (libs/domain `contributionOf`: the
 * figure's own selection and aggregation of that one fact), with the groups as the facts have them. Summed per
 * cohort month and per one grouping at a time: the agency; the agency and municipality; the agency and counsellor
 * and per the counsellor's office (moved with the counsellor); per cohort year by municipality and by office (a period's
 * whole calendar years); and per cohort day and agency (the days outside a period's whole months).
 * A grouping by municipality and counsellor would hold about one row per fact.
 */
export const keyFigureContributions: SummedReadModel<KeyFigureContributionRecord> = {
  entity: KeyFigureContributionRecord,
  rows: ({ state }) => {
    const trajectory = trajectoryFactsOf(state);
    const violations = violationFactsOf(state);
    const facts = {
      trajectories: [{ item: '', fact: trajectory }],
      violations: violations.map((fact, index) => ({ item: state.violations[index].violationId, fact })),
    };
    return SUMMED_KEY_FIGURES.flatMap((figure) =>
      facts[figure.selection.population].flatMap(({ item, fact }) => {
        const contribution = contributionOf(figure, fact as never);
        if (!contribution) return [];
        return [
          Object.assign(new KeyFigureContributionRecord(), {
            trajectoryId: state.trajectoryId,
            figureId: figure.id,
            item,
            cohortOn: contribution.cohortOn,
            cohortMonth: `${contribution.cohortOn.slice(0, 7)}-01`,
            cohortYear: `${contribution.cohortOn.slice(0, 4)}-01-01`,
            agency: fact.agency,
            municipality: fact.municipality,
            counsellorId: fact.counsellorId,
            value: contribution.value,
            selected: contribution.selected,
            known: contribution.known,
            matchingHundredths: Math.round(contribution.matching * 100),
          }),
        ];
      }),
    );
  },
  sums: [
    // A rebuild sums those by municipality (a thirtieth of the rows).
    {
      table: 'key_figure_sums_by_agency',
      groupBy: ['cohortMonth', 'agency', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
      rebuiltFrom: { table: 'key_figure_sums_by_municipality' },
    },
    {
      table: 'key_figure_sums_by_municipality',
      groupBy: ['cohortMonth', 'agency', 'municipality', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
    },
    {
      table: 'key_figure_sums_by_counsellor',
      groupBy: ['cohortMonth', 'agency', 'counsellorId', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
    },
    // The office is the counsellor's now: their sums move with them (summed-read-models.ts `officeOf`).
    {
      table: 'key_figure_sums_by_office',
      groupBy: ['cohortMonth', 'agency', 'counsellorId', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
      officeOf: 'counsellorId',
    },
    // The whole calendar years of a period by municipality and by office: one row per group, figure and value
    // instead of twelve (a year by municipality read about 52,000 monthly rows).
    // A rebuild sums them from the sums per month (a twentieth of the rows).
    {
      table: 'key_figure_yearly_sums_by_municipality',
      groupBy: ['cohortYear', 'agency', 'municipality', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
      rebuiltFrom: {
        table: 'key_figure_sums_by_municipality',
        group: 'cohortYear',
        as: yearOf('cohort_month'),
      },
    },
    {
      table: 'key_figure_yearly_sums_by_office',
      groupBy: ['cohortYear', 'agency', 'counsellorId', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
      officeOf: 'counsellorId',
      rebuiltFrom: { table: 'key_figure_sums_by_office', group: 'cohortYear', as: yearOf('cohort_month') },
    },
    // The days of a period outside its whole months, by agency: a few rows per day instead of every contribution.
    {
      table: 'key_figure_sums_by_day',
      groupBy: ['cohortOn', 'agency', 'figureId', 'value'] satisfies Property[],
      measures: MEASURES,
    },
  ],
};

/**
 * The days each trajectory becomes and stops being an open case (libs/domain `openCaseChanges`), for the open cases
 * per counsellor at a period's end: summed per counsellor (the open cases now) and per month and per year of the
 * change, and the same per municipality and counsellor.
 */
export const openCaseChanges: SummedReadModel<OpenCaseChangeRecord> = {
  entity: OpenCaseChangeRecord,
  rows: ({ state }) => {
    const facts = trajectoryFactsOf(state);
    return openCaseChangesOf(facts).map((change) =>
      Object.assign(new OpenCaseChangeRecord(), {
        trajectoryId: state.trajectoryId,
        change: change.change,
        changedOn: change.on,
        changedMonth: `${change.on.slice(0, 7)}-01`,
        changedYear: `${change.on.slice(0, 4)}-01-01`,
        agency: facts.agency,
        municipality: facts.municipality,
        counsellorId: facts.counsellorId,
        open: change.open,
      }),
    );
  },
  sums: [
    { table: 'open_cases_by_counsellor', groupBy: ['agency', 'counsellorId'], measures: ['open'] },
    {
      table: 'open_case_changes_by_counsellor',
      groupBy: ['changedMonth', 'agency', 'counsellorId'],
      measures: ['open'],
    },
    // By municipality, per counsellor too (the figure counts the counsellors with an open case in the group).
    {
      table: 'open_cases_by_municipality',
      groupBy: ['agency', 'municipality', 'counsellorId'],
      measures: ['open'],
    },
    {
      table: 'open_case_changes_by_municipality',
      groupBy: ['changedMonth', 'agency', 'municipality', 'counsellorId'],
      measures: ['open'],
    },
    // The whole years after a period's end: one row per counsellor and year instead of twelve.
    {
      table: 'open_case_yearly_changes_by_counsellor',
      groupBy: ['changedYear', 'agency', 'counsellorId'],
      measures: ['open'],
      rebuiltFrom: {
        table: 'open_case_changes_by_counsellor',
        group: 'changedYear',
        as: yearOf('changed_month'),
      },
    },
    {
      table: 'open_case_yearly_changes_by_municipality',
      groupBy: ['changedYear', 'agency', 'municipality', 'counsellorId'],
      measures: ['open'],
      rebuiltFrom: {
        table: 'open_case_changes_by_municipality',
        group: 'changedYear',
        as: yearOf('changed_month'),
      },
    },
  ],
};
