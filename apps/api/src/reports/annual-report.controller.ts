import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { calendarDateAt } from '../../../../libs/domain/src';
import { Allow } from '../access/access.decorators';
import { ErrorBody, ValidationErrorBody } from '../http/error-bodies';
import { badRequest } from '../http/validation-errors';
import { HtmlPrinter } from '../printing/html-printer';
import { annualReportHtml } from './annual-report.html';
import { AnnualReportService } from './annual-report.service';
import { ANNUAL_REPORT_TABLES, isAnnualReportTable } from './annual-report.tables';

type Response = { setHeader(name: string, value: string): void };
const FIRST_YEAR = 2000;

/**
 * The annual report on inburgering (issue 9 §4): `/reports/annual/2026` (HTML), `/reports/annual/2026.pdf` (the same
 * page printed by Chromium), `/reports/annual/2026/tables/openings.csv` (the tables behind it).
 */
@ApiTags('reports')
@Controller('reports/annual')
export class AnnualReportController {
  constructor(
    private readonly reports: AnnualReportService,
    private readonly printer: HtmlPrinter,
  ) {}

  @Get(':document')
  @Allow('reports.read')
  @ApiOperation({ summary: 'The annual report of a year: `2026` as an HTML page, `2026.pdf` as a PDF' })
  @ApiParam({ name: 'document', example: '2026.pdf', description: 'The year, with .pdf for the PDF' })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({ description: 'The report' })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'Not a year from 2000 to the current one',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorBody,
    description: 'PDF only: no browser configured (CHROMIUM_PATH)',
  })
  async document(@Param('document') document: string, @Res({ passthrough: true }) response: Response) {
    const match = /^(\d{4})(\.pdf)?$/.exec(document);
    const year = validYear(match?.[1] ?? document);
    const html = annualReportHtml(await this.reports.report(year));
    if (!match?.[2]) {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      return html;
    }
    // A StreamableFile is sent as its bytes (a Buffer returned as such would be serialised as JSON).
    return new StreamableFile(await this.printer.pdf(html), {
      type: 'application/pdf',
      disposition: `inline; filename="jaarrapport-inburgering-${year}.pdf"`,
    });
  }

  @Get(':year/tables/:table')
  @ApiOkResponse({ description: 'The table as CSV' })
  @Allow('reports.read')
  @ApiOperation({
    summary: `One of the report's tables as CSV: ${Object.keys(ANNUAL_REPORT_TABLES).join(', ')} (.csv)`,
  })
  @ApiParam({ name: 'table', example: 'openings.csv' })
  @ApiProduces('text/csv')
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'An unknown year or table' })
  async table(
    @Param('year') yearText: string,
    @Param('table') file: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const year = validYear(yearText);
    const table = file.replace(/\.csv$/, '');
    if (!isAnnualReportTable(table)) {
      throw badRequest([
        {
          field: 'table',
          reason: `table must be one of ${Object.keys(ANNUAL_REPORT_TABLES).join(', ')} (.csv)`,
        },
      ]);
    }
    const body = ANNUAL_REPORT_TABLES[table](await this.reports.report(year));
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="jaarrapport-${year}-${table}.csv"`);
    return body;
  }
}

function validYear(text: string): number {
  const current = Number(calendarDateAt(Date.now()).slice(0, 4));
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_YEAR && year <= current)) {
    throw badRequest([{ field: 'year', reason: `year must be a year from ${FIRST_YEAR} to ${current}` }]);
  }
  return year;
}
