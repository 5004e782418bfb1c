import {
  decideLink,
  decideRegistrationLinks,
  linkTargetOf,
  RegistrationLinkDecision,
  TrajectoryState,
} from '../../../../libs/domain/src';
import type { EntityManager } from 'typeorm';
import type {
  AppendManyOptions,
  AppendManyResult,
  AppendRequest,
  EventMetadata,
  LinkCandidate,
  RegistrationLinkStore,
} from '../../../../libs/store/src';
import { addPhaseTime, timedPhase } from '../../../../libs/store/src/phase-timings';
import { inParallel } from './in-parallel';
import {
  linkInput,
  linkMetadata,
  type LinkContext,
  type LinkResult,
  type RegistrationLinker,
  type RegistrationToLink,
} from './registration-linker';

/** Appends many streams' events in one transaction (EventStore.appendMany), `within` running in it. */
export interface SetAppender {
  appendMany(
    requests: readonly AppendRequest[],
    within?: (manager: EntityManager, results: AppendManyResult[]) => Promise<void>,
    options?: AppendManyOptions,
  ): Promise<AppendManyResult[]>;
}

/** Records results that are final, in the transaction of the events they report (EventStore.appendMany's `within`). */
export type SettleResults = (
  manager: EntityManager,
  settled: readonly { index: number; result: LinkResult }[],
) => Promise<void>;

export interface RegistrationLinkRequest {
  registration: RegistrationToLink;
  /** The trajectory it matched (read model), undefined when none. */
  candidate: LinkCandidate | undefined;
  context: LinkContext;
}

/** Rounds of re-reading a trajectory whose stream moved while its rows were decided, before the workflow takes them. */
const SET_ATTEMPTS = 3;
/**
 * Sets appended side by side, each in its own transaction: about SET_TRAJECTORIES trajectories each, at least two and
 * at most MAX_SET_LANES. While PostgreSQL writes some lanes' sets, the worker folds and maps another's: with two lanes
 * the worker's backends waited for the worker in half of the samples of pg_stat_activity, the cores were about two
 * thirds busy on the idle machine, and a 50,000-row file took 42-60 s against 37-45 s in four lanes (loads 3-6).
 * Sets of 500 as before (the session before found sets of 250 costlier per link; here two runs of four lanes of 250
 * were 38.6 and 58.5 s): more lanes only for bigger batches (docs/performance.md, "Registration file").
 */
const SET_TRAJECTORIES = 500;
const MAX_SET_LANES = 4;
/** Rows sent through trajectory workflows at once (the fallback); rows of one trajectory go one after the other. */
const WORKFLOW_CONCURRENCY = 32;

/**
 * Links registrations in sets, straight into the event store: for every trajectory matched, its folded state is
 * read (trajectory_states), its rows are decided in order with the domain's own rules (`decideRegistrationLinks`:
 * `decideLink`, then the trajectory's `decide` for `RecordVdabRegistration`, as its workflow decides it) and the
 * accepted ones are appended all together, each at the version the state was read at, under the row's
 * idempotency key and the partner as actor. A stream that moved meanwhile (its workflow appended) is read and
 * decided again; after SET_ATTEMPTS, and for a stream without a stored fold, its rows go through the
 * trajectory's workflow (RegistrationLinker). The workflows catch up with events appended beside them.
 */
export class BulkRegistrationLinker {
  constructor(
    private readonly links: RegistrationLinkStore,
    private readonly appender: SetAppender,
    private readonly viaWorkflow: RegistrationLinker,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * One result per request, in the same order. `settle` records the results each set append makes final, in the
   * append's transaction; the rows that went through a workflow, or needed no append, the caller records.
   */
  async linkAll(
    requests: readonly RegistrationLinkRequest[],
    { heartbeat = () => {}, settle }: { heartbeat?: () => void; settle?: SettleResults } = {},
  ): Promise<LinkResult[]> {
    const results: LinkResult[] = new Array(requests.length);
    const groups = new Map<string, number[]>();
    requests.forEach(({ registration, candidate }, index) => {
      if (!candidate) {
        const unmatched = decideLink(linkInput(registration), undefined);
        results[index] = {
          outcome: 'UNMATCHED',
          trajectoryId: null,
          reason: unmatched.outcome === 'UNMATCHED' ? unmatched.reason : 'no open trajectory',
        };
        return;
      }
      groups.set(candidate.trajectoryId, [...(groups.get(candidate.trajectoryId) ?? []), index]);
    });

    // Trajectories in lanes appended side by side: PostgreSQL writes some lanes' sets while the worker decides another's.
    const laneCount = Math.min(MAX_SET_LANES, Math.max(2, Math.round(groups.size / SET_TRAJECTORIES)));
    const lanes = Array.from({ length: laneCount }, () => new Map<string, number[]>());
    [...groups].forEach(([trajectoryId, group], position) =>
      lanes[position % laneCount].set(trajectoryId, group),
    );
    const throughWorkflow = (
      await Promise.all(lanes.map((lane) => this.linkInSets(requests, lane, results, { heartbeat, settle })))
    ).flat();
    await inParallel(throughWorkflow, WORKFLOW_CONCURRENCY, async (group) => {
      let candidate = requests[group[0]].candidate;
      for (const index of group) {
        const { registration, context } = requests[index];
        results[index] = await this.viaWorkflow.link(registration, candidate, context);
        candidate = results[index].candidate ?? candidate;
      }
      heartbeat();
    });
    return results;
  }

  /**
   * Decides and appends the rows of these trajectories as sets, reading again the trajectories whose stream moved;
   * answers the rows (per trajectory) the workflows must take.
   */
  private async linkInSets(
    requests: readonly RegistrationLinkRequest[],
    trajectories: Map<string, number[]>,
    results: LinkResult[],
    { heartbeat, settle }: { heartbeat: () => void; settle?: SettleResults },
  ): Promise<number[][]> {
    let groups = trajectories;
    const throughWorkflow: number[][] = [];
    for (let attempt = 0; attempt < SET_ATTEMPTS && groups.size; attempt++) {
      const states = await timedPhase('link: folded states', () =>
        this.links.foldedStates([...groups.keys()]),
      );
      const deciding = performance.now();
      const appends: { request: AppendRequest; index: number }[] = [];
      const decided: number[] = [];
      const alreadyLinked: number[] = [];
      for (const [trajectoryId, group] of groups) {
        const state = states.get(trajectoryId);
        if (!state) {
          throughWorkflow.push(group);
          continue;
        }
        const decisions = decideRegistrationLinks(
          state,
          group.map((index) => linkInput(requests[index].registration)),
          this.now(),
        );
        let before = state;
        decisions.forEach((decision, position) => {
          const index = group[position];
          decided.push(index);
          results[index] = resultOf(decision, before);
          if (decision.outcome === 'ALREADY_LINKED') alreadyLinked.push(index);
          if (decision.outcome !== 'LINK') return;
          appends.push({ request: appendOf(state, decision, requests[index].context), index });
          before = decision.state;
        });
      }
      addPhaseTime('link: decide (worker)', performance.now() - deciding);
      await timedPhase('link: own links', () => this.recogniseOwnLinks(requests, alreadyLinked, results));
      heartbeat();
      const moved = new Map<string, number[]>();
      await this.appender.appendMany(
        appends.map(({ request }) => request),
        async (manager, answers) => {
          answers.forEach((answer, position) => {
            const { index, request } = appends[position];
            if (answer.status === 'conflict') moved.set(request.streamId, groups.get(request.streamId)!);
            else if (answer.status === 'refused')
              results[index] = {
                outcome: 'CONFLICT',
                trajectoryId: request.streamId,
                reason: `the store refused it: ${answer.message}`,
                candidate: (results[index] as { candidate: LinkCandidate }).candidate,
              };
          });
          const settled = decided.filter((index) => !moved.has(results[index].trajectoryId as string));
          await settle?.(
            manager,
            settled.map((index) => ({ index, result: results[index] })),
          );
        },
        // The states just read: the append checks their versions instead of reading them again.
        { knownStates: states },
      );
      heartbeat();
      groups = moved;
    }
    return [...throughWorkflow, ...groups.values()];
  }

  /** A row found already linked may have been linked by this very key, in an attempt that died before its outcome. */
  private async recogniseOwnLinks(
    requests: readonly RegistrationLinkRequest[],
    indices: readonly number[],
    results: LinkResult[],
  ): Promise<void> {
    const ours = await this.links.keysThatLinked(
      indices.map((index) => ({
        streamId: results[index].trajectoryId as string,
        idempotencyKey: requests[index].context.idempotencyKey,
      })),
    );
    for (const index of indices)
      if (ours.has(requests[index].context.idempotencyKey))
        results[index] = { ...results[index], outcome: 'LINKED' } as LinkResult;
  }
}

function resultOf(decision: RegistrationLinkDecision, state: TrajectoryState): LinkResult {
  const trajectoryId = state.trajectoryId;
  switch (decision.outcome) {
    case 'LINK':
      return { outcome: 'LINKED', trajectoryId, reason: null, candidate: candidateOf(decision.state) };
    case 'ALREADY_LINKED':
      return { outcome: 'ALREADY_LINKED', trajectoryId, reason: null, candidate: candidateOf(state) };
    case 'CONFLICT':
      return {
        outcome: 'CONFLICT',
        trajectoryId,
        reason: decision.reason,
        candidate: candidateOf(state),
        ...(decision.refusal ? { refusal: decision.refusal } : {}),
      };
    default:
      return {
        outcome: decision.outcome,
        trajectoryId,
        reason: decision.reason,
        candidate: candidateOf(state),
      };
  }
}

function candidateOf(state: TrajectoryState): LinkCandidate {
  const target = linkTargetOf(state);
  return { trajectoryId: state.trajectoryId, agency: state.agency, ...target };
}

function appendOf(
  state: TrajectoryState,
  decision: Extract<RegistrationLinkDecision, { outcome: 'LINK' }>,
  context: LinkContext,
): AppendRequest {
  const metadata: EventMetadata = {
    ...linkMetadata(context),
    // What the trajectory workflow records as the command's cause (its update id), so either path is one command.
    causationId: `RecordVdabRegistration:${context.idempotencyKey}`,
    commandType: 'RecordVdabRegistration',
  };
  return { streamId: state.trajectoryId, expectedVersion: state.version, events: decision.events, metadata };
}
