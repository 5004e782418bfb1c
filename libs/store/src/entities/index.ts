import { DeadlineContributionRecord } from './deadline-contribution.entity';
import { DeadlineRecord } from './deadline.entity';
import { EventRecord } from './event-record.entity';
import { IncidentRecord } from './incident.entity';
import { KeyFigureContributionRecord } from './key-figure-contribution.entity';
import { OpenCaseChangeRecord } from './open-case-change.entity';
import { OutboxMessageRecord } from './outbox-message.entity';
import { ParticipationActivityRecord } from './participation-activity.entity';
import { ParticipationHourDayRecord } from './participation-hour-day.entity';
import { ParticipationHourSumRecord } from './participation-hour-sum.entity';
import { PillarRecord } from './pillar.entity';
import { ProjectionCheckpointRecord } from './projection-checkpoint.entity';
import { TrajectoryStateRecord } from './trajectory-state.entity';
import { TrajectoryMilestoneRecord } from './trajectory-milestone.entity';
import { TrajectorySummaryRecord } from './trajectory-summary.entity';
import { ViolationRecord } from './violation.entity';

export {
  DeadlineContributionRecord,
  DeadlineRecord,
  EventRecord,
  IncidentRecord,
  KeyFigureContributionRecord,
  OpenCaseChangeRecord,
  OutboxMessageRecord,
  ParticipationActivityRecord,
  ParticipationHourDayRecord,
  ParticipationHourSumRecord,
  PillarRecord,
  ProjectionCheckpointRecord,
  TrajectoryMilestoneRecord,
  TrajectoryStateRecord,
  TrajectorySummaryRecord,
  ViolationRecord,
};

export const entities = [
  EventRecord,
  TrajectorySummaryRecord,
  DeadlineRecord,
  ViolationRecord,
  PillarRecord,
  ParticipationActivityRecord,
  ParticipationHourSumRecord,
  ParticipationHourDayRecord,
  OutboxMessageRecord,
  ProjectionCheckpointRecord,
  IncidentRecord,
  TrajectoryStateRecord,
  TrajectoryMilestoneRecord,
  DeadlineContributionRecord,
  KeyFigureContributionRecord,
  OpenCaseChangeRecord,
];
