import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorators';
import { ValidationErrorBody } from '../http/error-bodies';
import { CodecPayloadsDto } from './codec-payloads.dto';
import { CodecService } from './codec.service';

/**
 * A codec server (Temporal's protocol) for operators who must read a workflow's history: Temporal stores only
 * ciphertext; `temporal workflow show --codec-endpoint <api>/codec --codec-auth "Bearer $TOKEN"` (or the Temporal
 * UI's codec setting) decodes it here. Every call is in the audit trail like any read of personal data.
 */
@ApiTags('operations')
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('decode')
  @Allow('temporal.decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt Temporal payloads (the codec server protocol)' })
  @ApiOkResponse({ type: CodecPayloadsDto, description: 'The payloads in plain text' })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'A payload is malformed or not ours' })
  async decode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.decode(body.payloads) };
  }

  @Post('encode')
  @Allow('temporal.decode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Encrypt payloads, e.g. a signal sent from the Temporal UI (the codec server protocol)',
  })
  @ApiOkResponse({ type: CodecPayloadsDto, description: 'The payloads encrypted' })
  @ApiBadRequestResponse({ type: ValidationErrorBody, description: 'A payload is malformed' })
  async encode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.encode(body.payloads) };
  }
}
