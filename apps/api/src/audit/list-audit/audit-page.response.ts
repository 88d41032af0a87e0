import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ACCESS_PURPOSE_NAMES, AUDIT_ACTIONS, type AccessPurpose, type AuditAction, type AuditEntry, type ChainBreak } from '@case-journey/access';
import { AGENCIES, type Agency } from '@case-journey/domain';
import type { AuditPage } from './audit-page';
import { OffsetPageDto } from '../../http/paging.dto';

export class AuditEntryDto implements AuditEntry {
  @ApiProperty({ description: '0 for the first entry, then one more for each' })
  sequence!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: "The caller's token subject" })
  subject!: string;

  @ApiProperty({ enum: AGENCIES, nullable: true })
  agency!: Agency | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;

  @ApiProperty({ type: [String] })
  caseIds!: string[];

  @ApiProperty({ type: String, nullable: true })
  victimId!: string | null;

  @ApiProperty({ enum: ACCESS_PURPOSE_NAMES, nullable: true })
  purpose!: AccessPurpose | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ description: 'The hash of the entry before' })
  previousHash!: string;

  @ApiProperty({ description: "SHA-256 (hex) of this entry's fields and previousHash" })
  hash!: string;
}

export class IntactChainDto {
  @ApiProperty({ enum: [true] })
  intact!: true;

  @ApiProperty()
  checked!: number;

  @ApiProperty({ type: Number, nullable: true })
  firstSequence!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  lastSequence!: number | null;

  @ApiProperty({ description: 'Keep it elsewhere now and then: only a head kept apart shows the newest entries removed' })
  headHash!: string;
}

export class BrokenChainDto {
  @ApiProperty({ enum: [false] })
  intact!: false;

  @ApiProperty()
  checked!: number;

  @ApiProperty({ description: 'The sequence of the first entry that breaks the chain' })
  brokenAt!: number;

  @ApiProperty({ enum: ['altered', 'missing', 'relinked'] satisfies ChainBreak[] })
  problem!: ChainBreak;

  @ApiProperty()
  detail!: string;
}

/** GET /audit. */
export class AuditPageDto extends OffsetPageDto implements AuditPage {
  @ApiProperty({ type: [AuditEntryDto], description: 'In the order written' })
  entries!: AuditEntryDto[];

  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(IntactChainDto) }, { $ref: getSchemaPath(BrokenChainDto) }], description: 'Whether the hash chain held over the span read' })
  chain!: IntactChainDto | BrokenChainDto;
}
