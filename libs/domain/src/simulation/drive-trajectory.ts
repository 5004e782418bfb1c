import { TrajectoryCommand } from '../trajectory/commands';
import { decide } from '../trajectory/decide';
import { expireDeadlines, nextDeadlineExpiry } from '../trajectory/deadline-expiry';
import { TrajectoryEvent } from '../trajectory/events';
import { Rejection } from '../trajectory/rejection';
import { evolve, MaybeTrajectoryState } from '../trajectory/state';

/** A command and the instant (epoch ms) it is given. */
export interface TimedCommand {
  at: number;
  command: TrajectoryCommand;
}

export interface DrivenTrajectory {
  events: TrajectoryEvent[];
  state: MaybeTrajectoryState;
  rejected: { command: TrajectoryCommand['type']; at: number; rejection: Rejection }[];
}

/**
 * Runs commands through the domain as the trajectory workflow does, without Temporal: each command is decided on
 * the current state at its instant, and before it every deadline that expired is expired at its own expiry (the
 * workflow's timer). After the last command the timers run up to `until`. Pure: for simulated and what-if data.
 */
export function driveTrajectory(commands: readonly TimedCommand[], until: number): DrivenTrajectory {
  let state: MaybeTrajectoryState;
  const events: TrajectoryEvent[] = [];
  const rejected: DrivenTrajectory['rejected'] = [];
  const apply = (event: TrajectoryEvent) => {
    state = evolve(state, event);
    events.push(event);
  };
  const runTimers = (to: number) => {
    for (;;) {
      const expiry = state && state.status !== 'CLOSED' ? nextDeadlineExpiry(state) : undefined;
      if (expiry === undefined || expiry > to) return;
      const expired = expireDeadlines(state!, expiry);
      if (expired.length === 0) return;
      expired.forEach(apply);
    }
  };
  for (const { at, command } of [...commands].sort((a, b) => a.at - b.at)) {
    runTimers(at);
    const decision = decide(state, command, { now: at });
    if (decision.accepted) decision.events.forEach(apply);
    else rejected.push({ command: command.type, at, rejection: decision.rejection });
  }
  runTimers(until);
  return { events, state, rejected };
}
