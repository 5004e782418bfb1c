import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Pillar, PILLARS } from '../../../../libs/domain/src';
import {
  adjustNt2TargetUpdate,
  agreeWorkTrackUpdate,
  CommandResult,
  enrolInMoCourseUpdate,
  enrolInNt2CourseUpdate,
  logParticipationActivityUpdate,
  recordAttendanceUpdate,
  recordMoTestResultUpdate,
  recordNt2TestResultUpdate,
  referToNt2CourseUpdate,
  waivePillarUpdate,
} from '../../../../workflows/src/definitions';
import { CommandContext, CommandHeaders } from '../http/command-context';
import { AdjustNt2TargetDto } from './dto/adjust-nt2-target.dto';
import { AgreeWorkTrackDto } from './dto/agree-work-track.dto';
import { EnrolInMoCourseDto } from './dto/enrol-in-mo-course.dto';
import { LogParticipationActivityDto } from './dto/log-participation-activity.dto';
import { RecordAttendanceDto } from './dto/record-attendance.dto';
import { RecordMoTestResultDto } from './dto/record-mo-test-result.dto';
import { EnrolInNt2CourseDto } from './dto/enrol-in-nt2-course.dto';
import { RecordNt2TestResultDto } from './dto/record-nt2-test-result.dto';
import { ReferToNt2CourseDto } from './dto/refer-to-nt2-course.dto';
import { WaivePillarDto } from './dto/waive-pillar.dto';
import { TrajectoryCommandsService } from './trajectory-commands.service';
import { ApiTrajectoryCommandResponses, PILLAR, TRAJECTORY_ID } from './trajectory-routes';
import { Allow } from '../access/access.decorators';

/**
 * The four pillars (domain brief §3.4): MO, NT2, work and participation. They start when the contract is signed
 * (before that: 409); a pillar completes by itself when its condition is met, and the attest follows when all
 * that apply are satisfied.
 */
@ApiTags('pillars')
@Controller('trajectories')
export class PillarsController {
  constructor(private readonly commands: TrajectoryCommandsService) {}

  @Post(':id/mo/enrolments')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the enrolment in a social-orientation (MO) course' })
  @ApiTrajectoryCommandResponses()
  enrolInMoCourse(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: EnrolInMoCourseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, enrolInMoCourseUpdate, body.toCommand(), context);
  }

  @Post(':id/mo/test-results')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the result of the standardised MO test',
    description: 'Needs an MO enrolment first (409); a test taken before the enrolment is refused with 422.',
  })
  @ApiTrajectoryCommandResponses()
  recordMoTestResult(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordMoTestResultDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordMoTestResultUpdate, body.toCommand(), context);
  }

  @Post(':id/nt2/referrals')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the referral to a Dutch (NT2) course' })
  @ApiTrajectoryCommandResponses()
  referToNt2Course(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: ReferToNt2CourseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, referToNt2CourseUpdate, body.toCommand(), context);
  }

  @Post(':id/nt2/enrolments')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the enrolment in a Dutch (NT2) course',
    description:
      'Follows a referral (409 without one); an enrolment before the referral is refused with 422.',
  })
  @ApiTrajectoryCommandResponses()
  enrolInNt2Course(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: EnrolInNt2CourseDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, enrolInNt2CourseUpdate, body.toCommand(), context);
  }

  @Post(':id/nt2/target-adjustment')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Lower the NT2 target for an illiterate or low-literate learner (the adjusted path)',
    description:
      'Only for a learner whose intake recorded LOW_LITERATE or ILLITERATE (422 otherwise) and only downwards ' +
      '(422 naming targetLevel). A test already passed at the new target completes the pillar, and the attest ' +
      'follows when it was the last condition.',
  })
  @ApiTrajectoryCommandResponses()
  adjustNt2Target(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: AdjustNt2TargetDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, adjustNt2TargetUpdate, body.toCommand(), context);
  }

  @Post(':id/nt2/test-results')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the result of a standardised NT2 test',
    description: 'Needs an NT2 referral first (409); a test taken before the referral is refused with 422.',
  })
  @ApiTrajectoryCommandResponses()
  recordNt2TestResult(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordNt2TestResultDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordNt2TestResultUpdate, body.toCommand(), context);
  }

  @Post(':id/work/track')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the track to work agreed with the VDAB mediator',
    description: 'Refused with 422 when the WORK pillar does not apply to the newcomer.',
  })
  @ApiTrajectoryCommandResponses()
  agreeWorkTrack(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: AgreeWorkTrackDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, agreeWorkTrackUpdate, body.toCommand(), context);
  }

  @Post(':id/attendance')
  @Allow('course.record')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record attendance of the MO or NT2 course over a period',
    description:
      'Needs the MO enrolment or the NT2 referral first (409). Low attendance opens no violation by itself.',
  })
  @ApiTrajectoryCommandResponses()
  recordAttendance(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: RecordAttendanceDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, recordAttendanceUpdate, body.toCommand(), context);
  }

  @Post(':id/participation/activities')
  @Allow('participation.log')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log an activity of the participation-and-network pillar, with its hours',
    description:
      'Refused with 422 when the participation pillar does not apply, for hours outside what one activity can ' +
      'take, and for dates out of order.',
  })
  @ApiTrajectoryCommandResponses()
  logParticipationActivity(
    @Param('id', TRAJECTORY_ID) id: string,
    @Body() body: LogParticipationActivityDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, logParticipationActivityUpdate, body.toCommand(), context);
  }

  @Post(':id/pillars/:pillar/waiver')
  @Allow('trajectory.counsel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Waive a pillar: an exemption granted later',
    description:
      'Waiving WORK also waives the VDAB registration deadline. A pillar that does not apply is refused with 422 ' +
      'naming pillar; one already completed or waived with 409.',
  })
  @ApiParam({ name: 'pillar', enum: PILLARS })
  @ApiTrajectoryCommandResponses()
  waive(
    @Param('id', TRAJECTORY_ID) id: string,
    @Param('pillar', PILLAR) pillar: Pillar,
    @Body() body: WaivePillarDto,
    @CommandHeaders() context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.send(id, waivePillarUpdate, body.toCommand(pillar), context);
  }
}
