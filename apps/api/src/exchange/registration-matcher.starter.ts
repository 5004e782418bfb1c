import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  RegistrationMatcherInput,
  registrationMatcherWorkflowId,
} from '../../../../workflows/src/registration-matcher.workflow';
import { ApiConfig } from '../config/api-config.service';

/** Every few seconds by default; tests and demos see an automatic match within that. */
const MATCHER_INTERVAL_MS = 2_000;

/**
 * Makes sure the workflow that links unmatched registrations to trajectories opened later runs: one per task
 * queue, started (or found running) when the API starts.
 */
@Injectable()
export class RegistrationMatcherStarter implements OnApplicationBootstrap {
  private readonly logger = new Logger('RegistrationMatcher');

  constructor(
    @Inject(Client) private readonly temporal: Client,
    private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const input: RegistrationMatcherInput = { intervalMs: MATCHER_INTERVAL_MS };
    try {
      await this.temporal.workflow.start('registrationMatcherWorkflow', {
        workflowId: registrationMatcherWorkflowId(this.config.temporalTaskQueue),
        taskQueue: this.config.temporalTaskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (error) {
      this.logger.warn(`could not start the registration matcher: ${(error as Error).message}`);
    }
  }
}
