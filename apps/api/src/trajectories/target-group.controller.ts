import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  overrideTargetGroupUpdate,
  recordTargetGroupFactsUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { OverrideTargetGroupDto } from './dto/override-target-group.dto';
import { RecordTargetGroupFactsDto } from './dto/record-target-group-facts.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';

/** Who must, may or need not follow the trajectory (domain brief §2): the facts, and the counsellor's override. */
@ApiTags('target group')
@Controller('trajectories')
export class TargetGroupController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/target-group/facts')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record new or completed target-group facts; the status is derived again',
    description:
      'The facts add to those recorded before. An obliged newcomer gets the deadline to report to an agency. ' +
      'Refused with 409 once the contract is signed (the target group is settled then).',
  })
  @ApiTrajectoryCommandResponses()
  recordFacts(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordTargetGroupFactsDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordTargetGroupFactsUpdate, body.toCommand(), context);
  }

  @Post(':id/target-group/override')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a target-group status other than the derived one, with the reason',
    description:
      'The derived status stays in the history. Refused with 409 before any facts were recorded and with 422 ' +
      'naming recorded when the status is the derived one.',
  })
  @ApiTrajectoryCommandResponses()
  override(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: OverrideTargetGroupDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, overrideTargetGroupUpdate, body.toCommand(), context);
  }
}
