import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  recordFineDecisionUpdate,
  reportViolationUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { RecordFineDecisionDto } from './dto/record-fine-decision.dto';
import { ReportViolationDto } from './dto/report-violation.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import {
  ApiTrajectoryCommandResponses,
  MAX_VIOLATION_ID_LENGTH,
  TRAJECTORY_ID,
  VIOLATION_ID,
} from './trajectory-routes';
import { Allow } from '../access/access.decorators';

/**
 * A trajectory's violation files (inbreukdossiers): the counsellor reports what the system cannot see by itself,
 * the enforcement officer decides on them.
 */
@ApiTags('violations')
@Controller('trajectories')
export class ViolationsController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/violations')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Report a violation: a refusal to sign the contract or irregular attendance',
    description:
      'Opens a violation file for the enforcement officer. A refusal to sign after the contract was signed, or ' +
      'irregular attendance before it, is refused with 409.',
  })
  @ApiTrajectoryCommandResponses()
  report(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: ReportViolationDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, reportViolationUpdate, body.toCommand(), context);
  }

  @Post(':id/violations/:violationId/decision')
  @Allow('violation.decide')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the fine decision on a violation file',
    description:
      "No fine, or a fine within the range of the trajectory's policy version. A violation the trajectory does not " +
      'have is refused with 422 naming violationId; a violation already decided with 409. The trajectory stays open.',
  })
  @ApiParam({
    name: 'violationId',
    schema: { type: 'string', maxLength: MAX_VIOLATION_ID_LENGTH },
    description:
      'The violation file, as listed in the trajectory summary (e.g. `<trajectoryId>:violation:1`)',
  })
  @ApiTrajectoryCommandResponses()
  decide(
    @Param('id', TRAJECTORY_ID) id: string,
    @Param('violationId', VIOLATION_ID) violationId: string,
    @Body() body: RecordFineDecisionDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordFineDecisionUpdate, body.toCommand(violationId), context);
  }
}
