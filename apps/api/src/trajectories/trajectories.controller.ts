import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  closeTrajectoryUpdate,
  CommandResult,
  recordContractUpdate,
  recordIntakeUpdate,
  recordVdabRegistrationUpdate,
} from '../../../../workflows/src/definitions';
import { ApiCommandHeaders, CommandContext, CommandHeaders } from '../http/command-context';
import {
  ErrorBody,
  OpenTrajectoryConflictBody,
  RejectionErrorBody,
  ValidationErrorBody,
} from '../http/error-bodies';
import { ExportFormatQuery, ListExport } from '../http/csv-export';
import { CloseTrajectoryDto } from './dto/close-trajectory.dto';
import { OpenTrajectoryDto } from './dto/open-trajectory.dto';
import { RecordContractDto } from './dto/record-contract.dto';
import { RecordIntakeDto } from './dto/record-intake.dto';
import { RecordVdabRegistrationDto } from './dto/record-vdab-registration.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { TrajectoryReadsService } from './trajectory-reads.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';
import { CommandResultView } from './views/command-result.view';
import { TimelineResponse } from './views/timeline.view';
import { TrajectorySummaryResponse } from './views/trajectory-summary.view';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope, CurrentPrincipal } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { readScopeFor } from '../access/read-scope-for';
import { trajectoryAsSeenBy } from '../access/trajectory-views';

@ApiTags('trajectories')
@ApiExtraModels(RejectionErrorBody, OpenTrajectoryConflictBody)
@Controller('trajectories')
export class TrajectoriesController {
  constructor(
    private readonly commands: TrajectoryCommandsService,
    private readonly reads: TrajectoryReadsService,
  ) {}

  @Post()
  @Allow('trajectory.open')
  @ApiOperation({ summary: 'Register a newcomer and open a trajectory' })
  @ApiCommandHeaders()
  @ApiCreatedResponse({ type: CommandResultView, description: 'The trajectory was opened' })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'A field or header is malformed' })
  @ApiConflictResponse({
    description:
      'The newcomer already has an open trajectory, or the Idempotency-Key belongs to a closed one',
    type: OpenTrajectoryConflictBody,
  })
  @ApiUnprocessableEntityResponse({
    type: RejectionErrorBody,
    description: "The trajectory's rules refuse the input",
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'No outcome in time; retry with the same Idempotency-Key',
  })
  open(@Body() body: OpenTrajectoryDto, @CommandHeaders() context: CommandContext): Promise<CommandResult> {
    return this.commands.open(body, context);
  }

  @Post(':id/intake')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the intake' })
  @ApiTrajectoryCommandResponses()
  recordIntake(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordIntakeDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordIntakeUpdate, body.toCommand(), context);
  }

  @Post(':id/contract')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the signed integration contract; sets the policy version and its deadlines',
  })
  @ApiTrajectoryCommandResponses()
  recordContract(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordContractDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordContractUpdate, body.toCommand(), context);
  }

  @Post(':id/vdab-registration')
  @Allow('work.register')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Record the newcomer's registration with VDAB" })
  @ApiTrajectoryCommandResponses()
  recordVdabRegistration(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordVdabRegistrationDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordVdabRegistrationUpdate, body.toCommand(), context);
  }

  @Post(':id/closure')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Close the trajectory; open deadlines are waived and nothing more can be recorded',
  })
  @ApiTrajectoryCommandResponses()
  close(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: CloseTrajectoryDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, closeTrajectoryUpdate, body.toCommand(), context);
  }

  @Get(':id')
  @Allow('trajectory.read')
  @ApiOperation({
    summary: "A trajectory's summary: deadlines, violations, target group, pillars, attest and next actions",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TrajectorySummaryResponse })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async summary(
    @Param('id', TRAJECTORY_ID) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<Partial<TrajectorySummaryResponse>> {
    return trajectoryAsSeenBy(caller, await this.reads.summary(id, Date.now(), readScopeFor(caller)));
  }

  @Get(':id/timeline')
  @Allow('trajectory.timeline')
  @ApiOperation({ summary: "A trajectory's events in the order they were recorded" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ListExport({
    type: TimelineResponse,
    filename: 'timeline',
    columns: ['position', 'version', 'type', 'occurredAt', 'recordedAt', 'actor', 'data'],
    rows: (timeline: TimelineResponse) => timeline.events,
  })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorBody })
  timeline(
    @Param('id', TRAJECTORY_ID) id: string,
    @Query() _format: ExportFormatQuery,
    @CallerScope() scope: ReadScope,
  ): Promise<TimelineResponse> {
    return this.reads.timeline(id, scope);
  }
}
