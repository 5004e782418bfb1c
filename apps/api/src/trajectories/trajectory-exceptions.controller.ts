import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  correctFactUpdate,
  recordMoveUpdate,
  resumeTrajectoryUpdate,
  suspendTrajectoryUpdate,
  transferTrajectoryUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { CorrectFactDto } from './dto/correct-fact.dto';
import { RecordMoveDto } from './dto/record-move.dto';
import { ResumeTrajectoryDto } from './dto/resume-trajectory.dto';
import { SuspendTrajectoryDto } from './dto/suspend-trajectory.dto';
import { TransferTrajectoryDto } from './dto/transfer-trajectory.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, TRAJECTORY_ID } from './trajectory-routes';
import { Allow } from '../access/access.decorators';

/**
 * What can happen at any point of a trajectory (domain brief §3): suspension and resumption, a move to another
 * agency, the correction of a wrongly recorded fact.
 */
@ApiTags('trajectories')
@Controller('trajectories')
export class TrajectoryExceptionsController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/suspension')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Suspend the trajectory (opschorting); its running deadlines stop until it is resumed',
  })
  @ApiTrajectoryCommandResponses()
  suspend(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: SuspendTrajectoryDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, suspendTrajectoryUpdate, body.toCommand(), context);
  }

  @Post(':id/resumption')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Resume a suspended trajectory; its open deadlines move by the days it was suspended',
  })
  @ApiTrajectoryCommandResponses()
  resume(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: ResumeTrajectoryDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, resumeTrajectoryUpdate, body.toCommand(), context);
  }

  @Post(':id/transfer')
  @Allow('trajectory.transfer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Transfer the trajectory to another agency, history included',
    description:
      "The new municipality (name and NIS code) must lie in the receiving agency's area (422 otherwise): Atlas for " +
      'Antwerpen, IN-Gent for Gent, the Agentschap Integratie en Inburgering for the rest of Flanders and Brussels. ' +
      'A move to Brussels ends the obligation: the deadlines only the obligation imposes are waived.',
  })
  @ApiTrajectoryCommandResponses()
  transfer(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: TransferTrajectoryDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, transferTrajectoryUpdate, body.toCommand(), context);
  }

  @Post(':id/move')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a move that keeps the case with its agency',
    description:
      "Within the agency's area; to Brussels (the obligation ends: the deadlines only the obligation imposes are " +
      'waived, open violation files stay); or out of Flanders and Brussels (the trajectory ends, reason ' +
      "MOVED_OUT_OF_FLANDERS). A municipality in another agency's area is refused with 422: transfer instead.",
  })
  @ApiTrajectoryCommandResponses()
  move(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordMoveDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordMoveUpdate, body.toCommand(), context);
  }

  @Post(':id/corrections')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Correct a wrongly recorded date',
    description:
      'Records a correction with its reason; the original stays in the history. Deadlines that depend on the date ' +
      'move with it, but a correction never turns a met deadline into a missed one or the other way round.',
  })
  @ApiTrajectoryCommandResponses()
  correct(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: CorrectFactDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, correctFactUpdate, body.toCommand(), context);
  }
}
