import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CommandResult,
  correctFactUpdate,
  resumeTrajectoryUpdate,
  suspendTrajectoryUpdate,
  transferTrajectoryUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { CorrectFactDto } from './dto/correct-fact.dto';
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
  @ApiOperation({ summary: 'Transfer the trajectory to another agency, history included' })
  @ApiTrajectoryCommandResponses()
  transfer(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: TransferTrajectoryDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, transferTrajectoryUpdate, body.toCommand(), context);
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
