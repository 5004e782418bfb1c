import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  Agency,
  AGENCY_CODES,
  MAX_DOSSIER_ID_LENGTH,
  REGISTRATION_COLUMNS,
  REGISTRATION_PARTNERS,
  RegistrationPartner,
} from '../../../../../libs/domain/src';
import type { ImportFormat, ReconciliationState } from '../../../../../libs/store/src';
import { PageQuery } from '../../http/paging';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['CSV', 'JSONL'];
const RECONCILIATION_STATES: readonly ReconciliationState[] = ['OPEN', 'LINKED', 'AUTO_LINKED', 'DISMISSED'];

export class UploadImportQuery {
  @ApiProperty({ enum: REGISTRATION_PARTNERS, description: 'VDAB (Flanders) or ACTIRIS (Brussels)' })
  @IsIn(REGISTRATION_PARTNERS, { message: `partner must be one of ${REGISTRATION_PARTNERS.join(', ')}` })
  partner!: RegistrationPartner;

  @ApiPropertyOptional({
    enum: IMPORT_FORMATS,
    description:
      'Defaults from the Content-Type: text/csv is CSV, application/x-ndjson or application/jsonl is JSONL',
  })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormat;

  @ApiPropertyOptional({ description: 'The file name, for the report' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

/** One registration from a partner system; the same fields as a row of a bulk file. */
export class PartnerRegistrationDto {
  @ApiProperty({ enum: REGISTRATION_PARTNERS })
  @IsIn(REGISTRATION_PARTNERS, { message: `partner must be one of ${REGISTRATION_PARTNERS.join(', ')}` })
  partner!: RegistrationPartner;

  @ApiPropertyOptional({ description: 'INSZ; this or trajectoryId', example: '90041212377' })
  nationalNumber?: string;

  @ApiPropertyOptional({ description: 'The trajectory, when the partner knows it' })
  trajectoryId?: string;

  @ApiProperty({ example: '2026-11-20' })
  registeredOn!: string;

  @ApiProperty({ example: 'VDAB Gent' })
  office!: string;

  @ApiProperty({ description: "The partner's own dossier id", example: 'VDAB-123456' })
  partnerDossierId!: string;
}

export const REGISTRATION_FIELDS = ['partner', ...REGISTRATION_COLUMNS];

export class ListReconciliationQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: AGENCY_CODES,
    description: "The counsellor's agency: its conflicts and the unmatched registrations no agency owns yet",
  })
  @IsOptional()
  @IsIn(AGENCY_CODES)
  agency?: Agency;

  @ApiPropertyOptional({ enum: RECONCILIATION_STATES, description: 'OPEN: what waits for a counsellor' })
  @IsOptional()
  @IsIn(RECONCILIATION_STATES)
  state?: ReconciliationState;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One file's items: the registration import that queued them",
  })
  @IsOptional()
  @IsUUID('all', { message: 'importId must be a registration import id (a UUID)' })
  importId?: string;

  @ApiPropertyOptional({
    description: "One registration's items: the partner's own dossier id, exactly as the partner sent it",
    example: 'VDAB-123456',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'partnerDossierId must not be empty' })
  @MaxLength(MAX_DOSSIER_ID_LENGTH)
  partnerDossierId?: string;
}

export class LinkReconciliationDto {
  @ApiProperty({ description: 'The trajectory the registration belongs to' })
  @IsUUID('all', { message: 'trajectoryId must be a trajectory id (a UUID)' })
  trajectoryId!: string;
}

export class DismissReconciliationDto {
  @ApiProperty({ description: 'Why the registration is not linked', example: 'not a newcomer of ours' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;
}
