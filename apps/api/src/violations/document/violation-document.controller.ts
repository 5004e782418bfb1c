import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ViolationFileDocument } from '../../../../../libs/domain/src';
import type { ReadScope } from '../../../../../libs/store/src/queries/read-scope';
import { Allow, CallerScope } from '../../access/access.decorators';
import { ErrorBody } from '../../http/error-bodies';
import { HtmlPrinter } from '../../printing/html-printer';
import { MAX_VIOLATION_ID_LENGTH, VIOLATION_ID } from '../../trajectories/trajectory-routes';
import { violationDocumentHtml } from './violation-document.html';
import { ViolationDocumentService } from './violation-document.service';

const VIOLATION_PARAMETER = {
  name: 'violationId',
  schema: { type: 'string', maxLength: MAX_VIOLATION_ID_LENGTH },
  description: 'The violation file, as the queue lists it (e.g. `<trajectoryId>:violation:1`)',
} as const;

/**
 * The violation file as the document the enforcement officer decides on: JSON, and a printable Dutch page. The
 * decision goes back through POST /trajectories/:id/violations/:violationId/decision (idempotent with an
 * Idempotency-Key).
 */
@ApiTags('violations')
@Controller('violations')
export class ViolationDocumentController {
  constructor(
    private readonly documents: ViolationDocumentService,
    private readonly printer: HtmlPrinter,
  ) {}

  @Get(':violationId/document')
  @Allow('violation.document')
  @ApiOperation({
    summary:
      'A violation file as a document: the person, the obligation, the facts, the events and deadlines',
    description:
      'Each deadline with the policy version (the rule) and the source it follows from. Only the facts of the file.',
  })
  @ApiParam(VIOLATION_PARAMETER)
  @ApiOkResponse()
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such violation file within your scope' })
  json(
    @Param('violationId', VIOLATION_ID) violationId: string,
    @CallerScope() scope: ReadScope,
  ): Promise<ViolationFileDocument> {
    return this.documents.document(violationId, scope);
  }

  @Get(':violationId/document.html')
  @Allow('violation.document')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The same document as a printable page in Dutch (A4 print CSS)' })
  @ApiParam(VIOLATION_PARAMETER)
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such violation file within your scope' })
  async html(
    @Param('violationId', VIOLATION_ID) violationId: string,
    @CallerScope() scope: ReadScope,
  ): Promise<string> {
    return violationDocumentHtml(await this.documents.document(violationId, scope));
  }

  @Get(':violationId/document.pdf')
  @Allow('violation.document')
  @ApiOperation({ summary: 'The same document as a PDF (A4), printed by headless Chromium (CHROMIUM_PATH)' })
  @ApiParam(VIOLATION_PARAMETER)
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such violation file within your scope' })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'No browser is configured to print with' })
  async pdf(
    @Param('violationId', VIOLATION_ID) violationId: string,
    @CallerScope() scope: ReadScope,
  ): Promise<StreamableFile> {
    const document = await this.documents.document(violationId, scope);
    return new StreamableFile(await this.printer.pdf(violationDocumentHtml(document)), {
      type: 'application/pdf',
      disposition: `inline; filename="inbreukdossier-${document.violation.violationId.replace(/[^\w-]+/g, '-')}.pdf"`,
    });
  }
}
