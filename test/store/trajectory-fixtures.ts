import { randomUUID } from 'node:crypto';
import {
  Agency,
  decide,
  expireDeadlines,
  fold,
  MaybeTrajectoryState,
  TargetGroupFacts,
  TrajectoryCommand,
  TrajectoryEvent,
  TrajectoryState,
} from '../../libs/domain/src';
import { AppendResult, EventStore } from '../../libs/store/src';
import { uniqueIdentity } from '../support/unique-identities';

/** A newcomer no other test of the run registers (the store allows one open trajectory per person). */
export function randomNewcomer(municipality = 'Gent'): {
  nationalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
} {
  const { birthDate, nationalNumber } = uniqueIdentity();
  return { nationalNumber, givenName: 'Amina', familyName: 'El Idrissi', birthDate, municipality };
}

export interface ScenarioOptions {
  agency?: Agency;
  counsellorId?: string;
  municipality?: string;
  registeredOn?: string;
  /** Facts for the target group, recorded with the registration (the birth date comes from the newcomer). */
  targetGroupFacts?: TargetGroupFacts;
  /** Workflow time of the decisions (epoch ms). */
  now?: number;
}

export const SCENARIO_NOW = Date.parse('2026-06-15T09:30:00.000Z');

/**
 * Drives one trajectory the way its workflow does: commands through the domain's `decide`, the resulting events
 * appended to the store at the folded state's version.
 */
export class TrajectoryScenario {
  readonly trajectoryId = randomUUID();
  readonly newcomer: ReturnType<typeof randomNewcomer>;
  private current: MaybeTrajectoryState;
  private commandNumber = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: ScenarioOptions = {},
  ) {
    this.newcomer = randomNewcomer(options.municipality);
  }

  get streamId(): string {
    return this.trajectoryId;
  }

  get state(): TrajectoryState {
    if (!this.current) throw new Error('the trajectory is not opened yet');
    return this.current;
  }

  open(actor = 'caseworker-open'): Promise<AppendResult> {
    return this.run(
      {
        type: 'OpenTrajectory',
        trajectoryId: this.trajectoryId,
        newcomer: this.newcomer,
        agency: this.options.agency ?? 'AGII',
        counsellorId: this.options.counsellorId,
        registeredOn: this.options.registeredOn ?? '2026-01-05',
        ...(this.options.targetGroupFacts ? { targetGroupFacts: this.options.targetGroupFacts } : {}),
      },
      actor,
    );
  }

  async run(
    command: TrajectoryCommand,
    actor = 'caseworker-1',
    now = this.options.now ?? SCENARIO_NOW,
  ): Promise<AppendResult> {
    const decision = decide(this.current, command, { now });
    if (!decision.accepted) throw new Error(`${command.type} rejected: ${decision.rejection.message}`);
    return this.append(decision.events, actor, command.type);
  }

  /** What the workflow's deadline timer does at `now`. */
  expireDeadlines(now: number): Promise<AppendResult> {
    return this.append(expireDeadlines(this.state, now), 'system:deadline-timer', 'ExpireDeadlines');
  }

  private async append(events: TrajectoryEvent[], actor: string, commandType: string): Promise<AppendResult> {
    this.commandNumber += 1;
    const result = await this.store.append({
      streamId: this.streamId,
      expectedVersion: this.current?.version ?? 0,
      events,
      metadata: { actor, commandType, idempotencyKey: `${this.trajectoryId}:command:${this.commandNumber}` },
    });
    this.current = fold(events, this.current);
    return result;
  }
}

/**
 * Scenarios on the store of a test file's database (taken when a scenario starts, so this may be called at the top
 * of the file, before the database is there).
 */
export function trajectoryScenarios(database: { readonly store: EventStore }) {
  const scenario = (options: ScenarioOptions = {}) => new TrajectoryScenario(database.store, options);

  /** A trajectory opened with `options`. */
  async function opened(options: ScenarioOptions = {}): Promise<TrajectoryScenario> {
    const trajectory = scenario(options);
    await trajectory.open();
    return trajectory;
  }

  /**
   * Opened (by default on 2025-12-01), intake on 2025-12-15, contract on `signedOn` (by default 2026-02-10; policy
   * 2023: VDAB registration due 2 months later).
   */
  async function contractSigned(
    options: ScenarioOptions & { signedOn?: string } = {},
  ): Promise<TrajectoryScenario> {
    const trajectory = await opened({ registeredOn: '2025-12-01', ...options });
    await trajectory.run({ type: 'RecordIntake', intakeOn: '2025-12-15' });
    await trajectory.run({ type: 'RecordContract', signedOn: options.signedOn ?? '2026-02-10' });
    return trajectory;
  }

  return { scenario, opened, contractSigned };
}
