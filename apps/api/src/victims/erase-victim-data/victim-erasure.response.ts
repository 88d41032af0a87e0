import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_BASES, type ErasureBasis } from '@case-journey/domain';
import type { VictimErasure } from './victim-erasure';

export class ErasedCaseDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, description: "The case's unique reference number, by which the agencies know it; null for a case with none recorded" })
  urn!: string | null;

  @ApiProperty({ description: 'The VictimDataErased event on that case' })
  eventId!: string;

  @ApiProperty({ description: 'The case already recorded the erasure (a repeated request finishes what was left undone)' })
  alreadyRecorded!: boolean;
}

/** POST /victims/{victimId}/erasure: what the erasure did, case by case. */
export class VictimErasureDto implements VictimErasure {
  @ApiProperty()
  victimId!: string;

  @ApiProperty({ enum: ERASURE_BASES })
  basis!: ErasureBasis;

  @ApiProperty({ type: [ErasedCaseDto] })
  cases!: ErasedCaseDto[];

  @ApiProperty({ enum: [true], description: "The victim's key is destroyed: every sealed copy of their details is unreadable" })
  keyDestroyed!: true;

  @ApiProperty({ description: 'Breach notifications about the victim deleted' })
  notificationsRemoved!: number;

  @ApiProperty({ enum: ['forgotten', 'pending'], description: 'Whether the read models have forgotten the victim yet' })
  readModels!: 'forgotten' | 'pending';
}
