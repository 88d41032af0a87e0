import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every reading of one case names: the case, the revision read (its ETag), and the instant read as of when one was asked. */
export class CaseRevisionDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ description: "The stream's revision, also the ETag" })
  revision!: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'The instant read as of, when one was asked for' })
  asOf?: string;
}
