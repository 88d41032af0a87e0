import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AGENCIES, CLOSURE_REASONS, type Agency, type ClosureReason, type RetentionCandidate } from '@case-journey/domain';
import type { AuditSubject } from '../audit/audit-subject';
import { JOB_STATES } from '../http/job-state.response';
import { DRY_RUN, ERASURE, type ErasureOutcome, type RetentionJobName, type RetentionProgress } from './retention-queue';
import type { RetentionRun } from './retention-run';

export class RequesterDto implements AuditSubject {
  @ApiProperty({ description: "The requester's token subject" })
  subject!: string;

  @ApiProperty({ enum: AGENCIES, nullable: true })
  agency!: Agency | null;
}

export class RetentionProgressDto implements RetentionProgress {
  @ApiProperty()
  done!: number;

  @ApiProperty({ type: Number, nullable: true })
  of!: number | null;
}

export class ClosedCaseClosureDto {
  @ApiProperty({ enum: CLOSURE_REASONS })
  reason!: ClosureReason;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class ClosedCaseDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, description: "The case's unique reference number, by which the agencies know it; null for a case with none recorded" })
  urn!: string | null;

  @ApiProperty({ type: ClosedCaseClosureDto })
  closure!: ClosedCaseClosureDto;
}

export class RetentionCandidateDto implements RetentionCandidate {
  @ApiProperty()
  victimId!: string;

  @ApiProperty({ type: [ClosedCaseDto], description: 'Every case of the victim, each closed before the cutoff' })
  cases!: ClosedCaseDto[];
}

/** A completed dry run's listing, a page of its victims. */
export class DryRunListingDto {
  @ApiProperty({ format: 'date-time' })
  cutoff!: string;

  @ApiProperty()
  casesRead!: number;

  @ApiProperty({ description: 'Victims listed in all' })
  total!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty({ type: [RetentionCandidateDto] })
  victims!: RetentionCandidateDto[];
}

export class SkippedVictimDto {
  @ApiProperty()
  victimId!: string;

  @ApiProperty()
  why!: string;
}

export class ErasureOutcomeDto implements ErasureOutcome {
  @ApiProperty()
  dryRunId!: string;

  @ApiProperty({ type: [String], description: 'The victims erased' })
  erased!: string[];

  @ApiProperty({ type: [SkippedVictimDto], description: 'Listed by the dry run but no longer to be erased, and why' })
  skipped!: SkippedVictimDto[];
}

/** A retention job (a dry run, or the erasure of one) as its routes show it. */
export class RetentionRunDto implements RetentionRun {
  @ApiProperty()
  jobId!: string;

  @ApiProperty({ enum: [DRY_RUN, ERASURE] })
  kind!: RetentionJobName;

  @ApiProperty({ enum: JOB_STATES })
  state!: string;

  @ApiProperty({ type: RequesterDto })
  requestedBy!: RequesterDto;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Cases closed before it count as past the retention period' })
  cutoff!: string;

  @ApiProperty({ type: RetentionProgressDto, nullable: true })
  progress!: RetentionProgressDto | null;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(DryRunListingDto) }, { $ref: getSchemaPath(ErasureOutcomeDto) }],
    nullable: true,
    description: "Once completed: a dry run's listing (its victims paged by offset and limit), or an erasure's outcome",
  })
  result!: DryRunListingDto | ErasureOutcomeDto | null;

  @ApiProperty({ type: String, nullable: true })
  failedReason!: string | null;
}
