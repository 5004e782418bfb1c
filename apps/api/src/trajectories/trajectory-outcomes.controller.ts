import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  recordDeclarationOfEffortUpdate,
  recordFollowUpTestResultUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { RecordDeclarationOfEffortDto } from './dto/record-declaration-of-effort.dto';
import { RecordFollowUpTestResultDto } from './dto/record-follow-up-test-result.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';
import { Allow } from '../access/access.decorators';

/**
 * How a trajectory ends besides the attest: the declaration of effort instead of it, and the follow-up track
 * (B1 oral within 24 months) after it for newcomers obliged since 1 March 2022.
 */
@ApiTags('trajectories')
@Controller('trajectories')
export class TrajectoryOutcomesController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/declaration-of-effort')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a declaration of effort (verklaring van geleverde inspanning) instead of the attest',
    description:
      'For a newcomer whose limited learning capacity makes the objectives impossible; the reason is required. ' +
      'It ends the trajectory and starts no follow-up track. Needs a signed contract and no attest (409).',
  })
  @ApiTrajectoryCommandResponses()
  recordDeclarationOfEffort(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordDeclarationOfEffortDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordDeclarationOfEffortUpdate, body.toCommand(), context);
  }

  @Post(':id/follow-up/test-results')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Record a result of the follow-up track's oral test",
    description:
      'A pass at B1 meets the follow-up deadline (24 months after the attest) and completes the trajectory. ' +
      'Refused with 409 when the trajectory has no follow-up track.',
  })
  @ApiTrajectoryCommandResponses()
  recordFollowUpTestResult(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordFollowUpTestResultDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordFollowUpTestResultUpdate, body.toCommand(), context);
  }
}
