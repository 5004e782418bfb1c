import { Agency } from '../agency';
import { addDays, CalendarDate, endOfDayInstant } from '../time/calendar-date';
import { TrajectoryEvent } from '../trajectory/events';
import { fold, TrajectoryState } from '../trajectory/state';
import { PolicyOverride } from './policy-override';
import { replayUnderPolicy } from './replay-under-policy';

/** The outcomes managers compare, over a period: per agency, and per trajectory for the drill-down. */
export interface WhatIfOutcomes {
  trajectories: number;
  /** Deadlines that expired in the period and were still missed at its end. */
  deadlinesMissed: number;
  /** Violation files opened in the period and not withdrawn by its end. */
  violations: number;
  attestsIssued: number;
}

export interface WhatIfAgencyComparison {
  agency: Agency;
  baseline: WhatIfOutcomes;
  scenario: WhatIfOutcomes;
  /** Attests the baseline issued in the period that the scenario issues later or not in the period. */
  attestsDelayed: number;
  /** Attests the scenario issues earlier than the baseline (or in the period where the baseline does not). */
  attestsEarlier: number;
  /** Trajectories whose baseline replay does not reproduce the recorded counts (a check of the replay; 0). */
  baselineDiffersFromRecord: number;
  /** Trajectories where a recorded fact no longer fit the scenario (replay stopped there). */
  diverged: number;
}

export interface WhatIfPeriod {
  from: CalendarDate;
  to: CalendarDate;
}

export interface WhatIfResult {
  period: WhatIfPeriod;
  /** The instant the replay ran to: the end of `to`, or now when that is earlier. */
  until: string;
  agencies: WhatIfAgencyComparison[];
}

interface TrajectoryOutcome {
  agency: Agency;
  deadlinesMissed: number;
  violations: number;
  attestIssuedOn?: CalendarDate;
}

/**
 * Replays every recorded stream twice with the domain's functions — under the recorded policy (baseline) and under
 * the override (scenario) — and compares what happened in the period, per agency (the agency at the period's end
 * in the scenario). Pure: the streams are only read.
 */
export function whatIf(
  streams: readonly (readonly TrajectoryEvent[])[],
  override: PolicyOverride,
  period: WhatIfPeriod,
  now: number,
): WhatIfResult {
  const from = endOfDayInstant(addDays(period.from, -1)) + 1;
  const until = whatIfUntil(period, now);
  const byAgency = new Map<Agency, WhatIfAgencyComparison>();
  for (const recorded of streams) {
    const inPeriod = recorded.filter((event) => Date.parse(event.occurredAt) <= until);
    if (inPeriod.length === 0) continue;
    const record = outcomeOf(inPeriod, fold(inPeriod) as TrajectoryState, from, until);
    const baselineReplay = replayUnderPolicy(recorded, {}, until);
    const scenarioReplay = replayUnderPolicy(recorded, override, until);
    if (!baselineReplay.state || !scenarioReplay.state) continue;
    const baseline = outcomeOf(baselineReplay.events, baselineReplay.state, from, until);
    const scenario = outcomeOf(scenarioReplay.events, scenarioReplay.state, from, until);
    const comparison = comparisonFor(byAgency, scenario.agency);
    add(comparison.baseline, baseline);
    add(comparison.scenario, scenario);
    if (
      baseline.attestIssuedOn &&
      (!scenario.attestIssuedOn || scenario.attestIssuedOn > baseline.attestIssuedOn)
    ) {
      comparison.attestsDelayed += 1;
    }
    if (
      scenario.attestIssuedOn &&
      (!baseline.attestIssuedOn || scenario.attestIssuedOn < baseline.attestIssuedOn)
    ) {
      comparison.attestsEarlier += 1;
    }
    if (!sameCounts(record, baseline)) comparison.baselineDiffersFromRecord += 1;
    if (scenarioReplay.divergedAt || baselineReplay.divergedAt) comparison.diverged += 1;
  }
  return {
    period,
    until: new Date(until).toISOString(),
    agencies: [...byAgency.values()].sort((a, b) => (a.agency < b.agency ? -1 : 1)),
  };
}

function outcomeOf(
  events: readonly TrajectoryEvent[],
  state: TrajectoryState,
  from: number,
  until: number,
): TrajectoryOutcome {
  const within = (event: TrajectoryEvent) => {
    const at = Date.parse(event.occurredAt);
    return at >= from && at <= until;
  };
  const standing = new Set(
    state.violations
      .filter((violation) => violation.state !== 'WITHDRAWN')
      .map((violation) => violation.violationId),
  );
  // A deadline marked missed and met after all (a registration made in time that arrived late) is not missed.
  const stillMissed = new Set(
    state.deadlines.filter((deadline) => deadline.state === 'MISSED').map((deadline) => deadline.deadlineId),
  );
  let deadlinesMissed = 0;
  let violations = 0;
  let attestIssuedOn: CalendarDate | undefined;
  for (const event of events) {
    if (!within(event)) continue;
    if (event.type === 'DeadlineMissed' && stillMissed.has(event.data.deadlineId)) deadlinesMissed += 1;
    if (event.type === 'ViolationOpened' && standing.has(event.data.violationId)) violations += 1;
    if (event.type === 'AttestIssued') attestIssuedOn = event.data.issuedOn;
  }
  return { agency: state.agency, deadlinesMissed, violations, ...(attestIssuedOn ? { attestIssuedOn } : {}) };
}

function comparisonFor(
  byAgency: Map<Agency, WhatIfAgencyComparison>,
  agency: Agency,
): WhatIfAgencyComparison {
  const existing = byAgency.get(agency);
  if (existing) return existing;
  const empty = (): WhatIfOutcomes => ({
    trajectories: 0,
    deadlinesMissed: 0,
    violations: 0,
    attestsIssued: 0,
  });
  const created: WhatIfAgencyComparison = {
    agency,
    baseline: empty(),
    scenario: empty(),
    attestsDelayed: 0,
    attestsEarlier: 0,
    baselineDiffersFromRecord: 0,
    diverged: 0,
  };
  byAgency.set(agency, created);
  return created;
}

function add(totals: WhatIfOutcomes, outcome: TrajectoryOutcome): void {
  totals.trajectories += 1;
  totals.deadlinesMissed += outcome.deadlinesMissed;
  totals.violations += outcome.violations;
  if (outcome.attestIssuedOn) totals.attestsIssued += 1;
}

function sameCounts(a: TrajectoryOutcome, b: TrajectoryOutcome): boolean {
  return (
    a.deadlinesMissed === b.deadlinesMissed &&
    a.violations === b.violations &&
    a.attestIssuedOn === b.attestIssuedOn
  );
}

/** Adds up what-if results over the same period computed on separate batches of streams. */
export function combineWhatIf(
  results: readonly WhatIfResult[],
  period: WhatIfPeriod,
  until: number,
): WhatIfResult {
  const byAgency = new Map<Agency, WhatIfAgencyComparison>();
  for (const comparison of results.flatMap((result) => result.agencies)) {
    const total = comparisonFor(byAgency, comparison.agency);
    for (const side of ['baseline', 'scenario'] as const) {
      total[side].trajectories += comparison[side].trajectories;
      total[side].deadlinesMissed += comparison[side].deadlinesMissed;
      total[side].violations += comparison[side].violations;
      total[side].attestsIssued += comparison[side].attestsIssued;
    }
    total.attestsDelayed += comparison.attestsDelayed;
    total.attestsEarlier += comparison.attestsEarlier;
    total.baselineDiffersFromRecord += comparison.baselineDiffersFromRecord;
    total.diverged += comparison.diverged;
  }
  return {
    period,
    until: new Date(until).toISOString(),
    agencies: [...byAgency.values()].sort((a, b) => (a.agency < b.agency ? -1 : 1)),
  };
}

/** The instant a what-if over `period` runs to: the end of its last day in Brussels, or `now` when earlier. */
export function whatIfUntil(period: WhatIfPeriod, now: number): number {
  return Math.min(endOfDayInstant(period.to), now);
}
