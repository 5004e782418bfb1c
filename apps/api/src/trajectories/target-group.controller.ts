import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  grantExemptionUpdate,
  overrideTargetGroupUpdate,
  recordAgencyLetterUpdate,
  recordTargetGroupFactsUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { GrantExemptionDto } from './dto/grant-exemption.dto';
import { OverrideTargetGroupDto } from './dto/override-target-group.dto';
import { RecordAgencyLetterDto } from './dto/record-agency-letter.dto';
import { RecordTargetGroupFactsDto } from './dto/record-target-group-facts.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';
import { Allow } from '../access/access.decorators';

/**
 * Who must, may or need not follow the trajectory (domain brief §2): the facts, the counsellor's override,
 * and an exemption granted later.
 */
@ApiTags('target group')
@Controller('trajectories')
export class TargetGroupController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/target-group/facts')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record new or completed target-group facts; the status is derived again',
    description:
      "The facts add to those recorded before. An obliged newcomer who received the agency's letter gets the " +
      'deadline to report to an agency. ' +
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
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a target-group status other than the derived one, with the reason',
    description:
      'The derived status stays in the history. Refused with 409 before any facts were recorded and once the ' +
      'contract is signed (then an exemption is granted instead), and with 422 naming recorded when the status ' +
      'is the derived one.',
  })
  @ApiTrajectoryCommandResponses()
  override(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: OverrideTargetGroupDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, overrideTargetGroupUpdate, body.toCommand(), context);
  }

  @Post(':id/target-group/exemption')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Grant an exemption from the obligation later (e.g. turned 65, serious illness, a diploma)',
    description:
      'The newcomer is EXEMPT from grantedOn; the deadlines still running are waived, violation files already ' +
      'open stay with the enforcement officer, and the trajectory stays open so the newcomer may go on ' +
      'voluntarily. Refused with 409 before any target-group facts were recorded or when the newcomer is ' +
      'exempt already, and with 422 naming reason for AGED_65_OR_OLDER before the 65th birthday.',
  })
  @ApiTrajectoryCommandResponses()
  grantExemption(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: GrantExemptionDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, grantExemptionUpdate, body.toCommand(), context);
  }

  @Post(':id/agency-letter')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Record the agency's registered letter; an obliged newcomer's three months to report run from it",
    description:
      'Without a letter there is no reporting deadline, so no file for late registration. For an obliged newcomer ' +
      'the deadline is set at once, met or missed by the registration already made. One letter per trajectory (409).',
  })
  @ApiTrajectoryCommandResponses()
  recordAgencyLetter(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordAgencyLetterDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordAgencyLetterUpdate, body.toCommand(), context);
  }
}
