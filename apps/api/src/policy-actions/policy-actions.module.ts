import { Module } from '@nestjs/common';
import { PolicyActionsController } from './policy-actions.controller';
import { PolicyActionsService } from './policy-actions.service';

/** The Horizontal Integration Policy Plan's actions: the managers' monitoring, the coordinator's status changes. */
@Module({ controllers: [PolicyActionsController], providers: [PolicyActionsService] })
export class PolicyActionsModule {}
