export { aggregatesOfFacts, groupKeyOf } from './fact-aggregates';
export { GROUPINGS } from './fact-sources';
export type { Grouping } from './fact-sources';
export { KeyFigureQueries } from './key-figure-queries';
export type { GroupAggregate } from './key-figure-queries';
export { keyFigureStatement } from './key-figure-sql';
export type { KeyFigureFilter } from './key-figure-sql';
export { AnnualReportQueries, yearPeriod } from './annual-report-queries';
export type { MonthlyOpenings, ParticipationByAgency, ParticipationByKind } from './annual-report-queries';
