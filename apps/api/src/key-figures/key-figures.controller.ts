import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorators';
import { ValidationErrorBody } from '../http/error-bodies';
import { asCsvDownload, wantsCsv } from '../http/csv';
import { KeyFiguresFilterQuery, KeyFiguresQuery } from './dto/key-figures.query';
import { keyFiguresCsv, municipalityIndicatorsCsv } from './key-figures.csv';
import { KeyFiguresAnswer, KeyFiguresService } from './key-figures.service';

type CsvResponse = { setHeader(name: string, value: string): void };

/**
 * The agencies' key figures (issue 9 §2-§4), each with its definition and source (libs/domain key-figures):
 * aggregates without personal data, of every agency (see the access policy: managers compare the agencies).
 */
@ApiTags('key-figures')
@Controller('key-figures')
export class KeyFiguresController {
  constructor(private readonly keyFigures: KeyFiguresService) {}

  @Get()
  @Allow('key-figures.read')
  @ApiOperation({
    summary:
      'Every key figure for a period, optionally per agency, municipality or office, now or as of a day',
    description:
      'Each figure with its value, numerator and denominator where it has them, its definition and source. ' +
      'asOf=YYYY-MM-DD: as the system knew it at the end of that day (from the events recorded by then).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'The figures' })
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'A parameter is malformed; each one is named',
  })
  async figures(
    @Query() query: KeyFiguresQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: CsvResponse,
  ): Promise<KeyFiguresAnswer | string> {
    const answer = await this.keyFigures.figures(query, query.groupBy);
    if (!wantsCsv(query.format, accept)) return answer;
    return csv(response, `key-figures-${answer.period.from}-${answer.period.to}`, keyFiguresCsv(answer));
  }

  @Get('municipalities.csv')
  @ApiOkResponse({ description: 'The indicators per municipality as CSV' })
  @Allow('key-figures.read')
  @ApiOperation({
    summary: 'The per-municipality indicators (local integration monitor) as CSV: one row per municipality',
  })
  @ApiProduces('text/csv')
  @ApiBadRequestResponse({
    type: ValidationErrorBody,
    description: 'A parameter is malformed; each one is named',
  })
  async municipalities(
    @Query() query: KeyFiguresFilterQuery,
    @Res({ passthrough: true }) response: CsvResponse,
  ): Promise<string> {
    const answer = await this.keyFigures.figures(query, 'municipality');
    return csv(
      response,
      `municipality-indicators-${answer.period.from}-${answer.period.to}`,
      municipalityIndicatorsCsv(answer),
    );
  }
}

function csv(response: CsvResponse, name: string, body: string): string {
  asCsvDownload(response, `${name}.csv`);
  return body;
}
