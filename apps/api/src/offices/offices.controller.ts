import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { OfficeStore, OfficeView } from '../../../../libs/store/src/offices/office-store';
import type { ReadScope } from '../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope } from '../access/access.decorators';
import { ExportFormatQuery, ListExport } from '../http/csv-export';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { agencyOfCaller } from './agency-of-caller';
import {
  DefineOfficeDto,
  OfficeCounsellorParams,
  OfficeListResponse,
  OfficeParams,
  OfficeResponse,
} from './dto/office.dto';

/**
 * Offices are data (issue 9 §1): a manager defines their agency's offices and says which counsellors belong to
 * each (one office per counsellor). Deadline monitoring counts per office through these rows.
 */
@ApiTags('offices')
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficeStore) {}

  @Get()
  @Allow('offices.manage')
  @ApiOperation({ summary: "The caller's agency's offices, each with its counsellors" })
  @ListExport({
    type: OfficeListResponse,
    filename: 'offices',
    columns: ['officeId', 'agency', 'name', 'counsellorIds'],
  })
  async list(
    @Query() _format: ExportFormatQuery,
    @CallerScope() scope: ReadScope,
  ): Promise<{ items: OfficeView[] }> {
    return { items: await this.offices.list(agencyOfCaller(scope)) };
  }

  @Put(':officeId')
  @Allow('offices.manage')
  @ApiOperation({
    summary: 'Define an office of the agency, or rename it',
    description:
      '201 when created, 200 when renamed or unchanged. The name is unique within the agency (409).',
  })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiBadRequestResponse({ type: ValidationErrorBody })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'The id is used by another agency, or the name by another office',
  })
  async define(
    @Param() { officeId }: OfficeParams,
    @Body() body: DefineOfficeDto,
    @CallerScope() scope: ReadScope,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<OfficeView> {
    const result = await this.offices.define(agencyOfCaller(scope), officeId, body.name);
    switch (result.outcome) {
      case 'ID_OF_ANOTHER_AGENCY':
        throw conflict(`office id ${officeId} is taken; choose another`, 'officeId');
      case 'NAME_TAKEN':
        throw conflict(
          `office ${result.byOfficeId} of the agency already has the name "${body.name}"`,
          'name',
        );
      default:
        response.status(result.outcome === 'CREATED' ? HttpStatus.CREATED : HttpStatus.OK);
        return result.office;
    }
  }

  @Put(':officeId/counsellors/:counsellorId')
  @Allow('offices.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Put a counsellor in this office (each counsellor belongs to one: this moves them from their previous one)',
    description:
      "404 for an office the agency does not have; 409 for a counsellor in another agency's office (its manager " +
      'takes them out first). Their cases follow them: monitoring counts a deadline in its counsellor’s office.',
  })
  @ApiOkResponse({ type: OfficeResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody })
  async assign(
    @Param() params: OfficeCounsellorParams,
    @CallerScope() scope: ReadScope,
  ): Promise<OfficeView> {
    const result = await this.offices.assign(agencyOfCaller(scope), params.officeId, params.counsellorId);
    switch (result.outcome) {
      case 'NO_SUCH_OFFICE':
        throw new NotFoundException(`office ${params.officeId} not found`);
      case 'COUNSELLOR_OF_ANOTHER_AGENCY':
        throw conflict(
          `counsellor ${params.counsellorId} belongs to an office of another agency`,
          'counsellorId',
        );
      default:
        return result.office;
    }
  }

  @Delete(':officeId/counsellors/:counsellorId')
  @Allow('offices.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Take a counsellor out of the office (they left the agency)' })
  @ApiNoContentResponse({ description: 'The counsellor is no longer in the office' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'The counsellor is not in this office of the agency' })
  async unassign(@Param() params: OfficeCounsellorParams, @CallerScope() scope: ReadScope): Promise<void> {
    if (!(await this.offices.unassign(agencyOfCaller(scope), params.officeId, params.counsellorId)))
      throw new NotFoundException(`counsellor ${params.counsellorId} is not in office ${params.officeId}`);
  }
}

function conflict(message: string, field: string): ConflictException {
  return new ConflictException({ statusCode: HttpStatus.CONFLICT, error: 'Conflict', message, field });
}
