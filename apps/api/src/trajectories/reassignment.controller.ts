import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { because } from '../../../../libs/domain/src';
import { OfficeStore } from '../../../../libs/store/src/offices/office-store';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { CommandResult, reassignCounsellorUpdate } from '../../../../workflows/src/definitions';
import { Allow, CallerScope } from '../access/access.decorators';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { agencyOfCaller } from '../offices/agency-of-caller';
import { CommandRejectedException } from './command-failures';
import { ReassignCounsellorDto } from './dto/reassign-counsellor.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';

/** A team lead reassigns a case between the counsellors of their agency (issue 9 §1). */
@ApiTags('trajectories')
@Controller('trajectories')
export class ReassignmentController {
  constructor(
    private readonly commands: TrajectoryCommandsService,
    private readonly offices: OfficeStore,
  ) {}

  @Post(':id/reassignment')
  @Allow('trajectory.reassign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand the case to another counsellor of the agency (team leads)',
    description:
      'Records CounsellorReassigned with both counsellors. The target must belong to an office of the agency ' +
      '(`PUT /offices/:officeId/counsellors/:counsellorId`) and differ from the current counsellor (422); a closed ' +
      'trajectory answers 409. Deadline monitoring counts the case under the new counsellor and their office.',
  })
  @ApiTrajectoryCommandResponses()
  async reassign(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: ReassignCounsellorDto,
    @CallerScope() scope: ReadScope,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    const agency = agencyOfCaller(scope);
    // Counsellors are known to the engine through the offices (the identity provider holds the accounts): a case
    // goes only to a counsellor the agency has placed in one of its offices.
    if ((await this.offices.officeOf(agency, body.toCounsellorId)) === undefined) {
      throw new CommandRejectedException(
        because('COUNSELLOR_IN_NO_OFFICE', { counsellorId: body.toCounsellorId, agency }, 'toCounsellorId'),
      );
    }
    return this.commands.send(id, reassignCounsellorUpdate, body.toCommand(), context);
  }
}
