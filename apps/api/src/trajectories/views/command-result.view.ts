import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from '../../../../../workflows/src/definitions';

export class CommandResultView implements CommandResult {
  @ApiProperty({ format: 'uuid' })
  trajectoryId!: string;

  @ApiProperty({ description: "The trajectory's event stream version after this command" })
  version!: number;

  @ApiProperty({ type: [String], description: 'Types of the events the command recorded, in order' })
  events!: string[];
}
