import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { calendarDate } from '../../../../libs/domain/src';
import {
  combineWhatIf,
  describeOverride,
  type PolicyOverride,
  whatIf,
  type WhatIfResult,
  whatIfUntil,
} from '../../../../libs/domain/src/what-if';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { recordedStreams } from '../../../../libs/store/src/what-if/recorded-streams';

export type WhatIfAnswer = WhatIfResult & { changes: PolicyOverride; description: string };

/**
 * Replays the recorded trajectories in the caller's scope under the changed parameters, batch by batch, with the
 * domain's functions (libs/domain/src/what-if). Reads the event store; writes nothing.
 */
@Injectable()
export class WhatIfService {
  constructor(private readonly dataSource: DataSource) {}

  async run(
    from: string,
    to: string,
    changes: PolicyOverride,
    scope: ReadScope,
    filter: { counsellorId?: string } = {},
  ): Promise<WhatIfAnswer> {
    const period = { from: calendarDate(from), to: calendarDate(to) };
    const now = Date.now();
    const results: WhatIfResult[] = [];
    for await (const streams of recordedStreams(this.dataSource, scope, period, filter)) {
      results.push(whatIf(streams, changes, period, now));
    }
    return {
      ...combineWhatIf(results, period, whatIfUntil(period, now)),
      changes,
      description: describeOverride(changes),
    };
  }
}
