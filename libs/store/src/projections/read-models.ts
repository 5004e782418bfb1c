import { deadlineContributions } from './deadline-contributions.projection';
import { deadlines } from './deadlines.projection';
import { keyFigureContributions, openCaseChanges } from './key-figure-contributions.projection';
import { participationActivities } from './participation-activities.projection';
import { participationHourDays } from './participation-hour-days.projection';
import { participationHourSums } from './participation-hour-sums.projection';
import { pillars } from './pillars.projection';
import type { ReadModel } from './projection';
import type { SummedReadModel } from './summed-read-models';
import { trajectoryMilestones } from './trajectory-milestones.projection';
import { trajectorySummaries } from './trajectory-summary.projection';
import { enqueuePartnerMessages, OutboxProjection } from './partner-outbox.projection';
import { violations } from './violations.projection';

/**
 * Every read model, each a mapping of a stream's folded state to rows. The append writes them in this order: the
 * tables whose triggers keep counts shared by many trajectories (caseload, deadline, violation and hour counts, the
 * hours per month) last, so that the rows of those counts stay locked for as short as possible (two appends that
 * touch the same count wait for each other's commit from the moment they change it), and always in the same order
 * (no deadlock between them).
 */
export const READ_MODELS: readonly ReadModel[] = [
  pillars,
  participationActivities,
  trajectoryMilestones,
  deadlineContributions,
  keyFigureContributions,
  openCaseChanges,
  trajectorySummaries,
  deadlines,
  violations,
  participationHourSums,
  participationHourDays,
];

/** The read models whose rows are contributions to sums per group (summed-read-models.ts). */
export const SUMMED_READ_MODELS: readonly SummedReadModel[] = [
  deadlineContributions,
  keyFigureContributions,
  openCaseChanges,
];

/** The messages for partners, caused by new events (see OutboxProjection). */
export const OUTBOX_PROJECTIONS: readonly OutboxProjection[] = [enqueuePartnerMessages];
