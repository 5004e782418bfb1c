import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TrajectoryQueries, TrajectoryStatusView } from '../../../../libs/store/src/read-models.types';
import { TRAJECTORY_QUERIES } from '../read-models/trajectory-queries.token';
import { trajectoryNotFound } from '../trajectories/command-failures';
import { Action, mayPerform } from './access-policy';
import type { Principal } from './principal';
import { readScopeFor } from './read-scope-for';

/**
 * The one access check (in the style of immich's AccessCore): may this caller perform this action on these
 * trajectories? One SQL query per set of ids, using the same scope the lists use.
 */
@Injectable()
export class AccessService {
  constructor(
    @Inject(TRAJECTORY_QUERIES) private readonly queries: TrajectoryQueries,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Whether a counsellor opens a case assigned to another counsellor (a purpose is then required). Only
   * counsellors have a personal caseload; the others' access is by role and scope.
   */
  async isOutsideCaseload(principal: Principal, trajectoryId: string): Promise<boolean> {
    if (principal.role !== 'counsellor') return false;
    const [row] = await this.dataSource.query<{ counsellor_id: string | null }[]>(
      'SELECT counsellor_id FROM trajectory_summaries WHERE trajectory_id = $1',
      [trajectoryId],
    );
    return row !== undefined && row.counsellor_id !== null && row.counsellor_id !== principal.subject;
  }

  /**
   * The check of a route on one trajectory, in one query: refuses like `requireAccess` (403, 404), and answers
   * whether the case lies outside the caller's caseload (like `isOutsideCaseload`) and the trajectory's status, which
   * a command checks before it is sent (so that it need not read the trajectory again).
   */
  async requireTrajectoryAccess(
    principal: Principal,
    action: Action,
    trajectoryId: string,
  ): Promise<{ outsideCaseload: boolean; trajectory: TrajectoryStatusView }> {
    requireAction(principal, action);
    const found = await this.queries.findTrajectoryAccess(trajectoryId, readScopeFor(principal));
    if (!found) throw trajectoryNotFound(trajectoryId);
    const outsideCaseload =
      principal.role === 'counsellor' &&
      found.counsellorId !== null &&
      found.counsellorId !== principal.subject;
    return { outsideCaseload, trajectory: found.status };
  }

  /** The ids among `trajectoryIds` the caller may act on with `action`; empty when the role may not at all. */
  async checkAccess(
    principal: Principal,
    action: Action,
    trajectoryIds: readonly string[],
  ): Promise<Set<string>> {
    if (!mayPerform(principal.role, action)) return new Set();
    return this.queries.trajectoriesInScope(trajectoryIds, readScopeFor(principal));
  }

  /**
   * Refuses unless the caller may perform `action` on every one of `trajectoryIds`: 403 when the role may not
   * perform it at all, 404 when a trajectory lies outside the caller's scope (its existence is not disclosed).
   */
  async requireAccess(principal: Principal, action: Action, trajectoryIds: readonly string[]): Promise<void> {
    requireAction(principal, action);
    const allowed = await this.checkAccess(principal, action, trajectoryIds);
    const hidden = trajectoryIds.find((id) => !allowed.has(id));
    if (hidden !== undefined) throw trajectoryNotFound(hidden);
  }
}

export function requireAction(principal: Principal, action: Action): void {
  if (!mayPerform(principal.role, action)) {
    throw new ForbiddenException(`the role ${principal.role} may not perform ${action}`);
  }
}
