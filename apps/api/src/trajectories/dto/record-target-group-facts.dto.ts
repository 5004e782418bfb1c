import { ApiProperty } from '@nestjs/swagger';
import { RecordTargetGroupFacts } from '../../../../../libs/domain/src';
import { IsNestedObject } from '../../validation/is-nested-object';
import { TargetGroupFactsDto } from './target-group-facts.dto';

/** New or completed target-group facts: they add to those recorded before and the status is derived again. */
export class RecordTargetGroupFactsDto {
  @ApiProperty({
    type: TargetGroupFactsDto,
    description: 'The facts to add or change; facts left out stay as they were',
  })
  @IsNestedObject(() => TargetGroupFactsDto)
  facts!: TargetGroupFactsDto;

  toCommand(): RecordTargetGroupFacts {
    return { type: 'RecordTargetGroupFacts', facts: this.facts.toFacts() };
  }
}
