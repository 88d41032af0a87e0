import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobState } from 'bullmq';
import type { PackProgress, PackStatus, StoredPack } from '@case-journey/board-pack';
import type { BoardPack, HeadlineComparison, PackColumn, PackDefinition, PackPeriod, PackRequest, PackRow, PackSection, PackTable, PeriodId, ProtectionOptions } from '@case-journey/reporting';
import { JOB_STATES } from '../../http/job-state.response';
import { FigureDto } from '../report.response';

const PERIOD_IDS = ['this-month', 'last-month', 'last-year'] as const satisfies readonly PeriodId[];

export class SuppressionRuleDto implements ProtectionOptions {
  @ApiPropertyOptional({ description: 'Counts below it are suppressed' })
  threshold?: number;

  @ApiPropertyOptional({ description: 'Whether a zero is suppressed too' })
  includeZeros?: boolean;

  @ApiPropertyOptional({ description: 'How far a suppressed count must stay hidden from what can be worked out around it' })
  protection?: number;
}

export class PackRequestDto implements PackRequest {
  @ApiProperty({ type: String, nullable: true, description: 'null: every area' })
  area!: string | null;

  @ApiProperty({ example: '2025-03' })
  month!: string;

  @ApiProperty()
  suppress!: boolean;

  @ApiPropertyOptional({ type: SuppressionRuleDto })
  suppression?: SuppressionRuleDto;
}

export class PackProgressDto implements PackProgress {
  @ApiProperty({ enum: ['reports', 'rendering', 'printing', 'storing'] })
  phase!: PackProgress['phase'];

  @ApiProperty()
  reportsRead!: number;

  @ApiProperty()
  reportsNeeded!: number;
}

export class PeriodBasisDto {
  @ApiProperty({ example: 'frozen' })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiPropertyOptional({ example: '2025-03' })
  snapshotMonth?: string;
}

export class PackPeriodDto implements PackPeriod {
  @ApiProperty({ enum: PERIOD_IDS })
  id!: PeriodId;

  @ApiProperty()
  label!: string;

  @ApiProperty({ example: '2025-03' })
  month!: string;

  @ApiProperty({ type: PeriodBasisDto })
  basis!: PeriodBasisDto;
}

export class SuppressionAppliedDto {
  @ApiProperty()
  threshold!: number;

  @ApiProperty()
  includeZeros!: boolean;
}

export class ReproductionDto {
  @ApiProperty()
  packId!: string;

  @ApiProperty({ format: 'date-time' })
  builtAt!: string;

  @ApiProperty({ description: 'Whether this pack has its figures' })
  sameFigures!: boolean;
}

export class StoredPackDto implements StoredPack {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ example: '2025-03' })
  month!: string;

  @ApiProperty()
  suppressed!: boolean;

  @ApiProperty({ type: SuppressionAppliedDto, nullable: true })
  suppression!: SuppressionAppliedDto | null;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date-time' })
  builtAt!: string;

  @ApiProperty({ description: "SHA-256 of the pack's figures (canonical JSON): the same figures give the same digest" })
  figuresDigest!: string;

  @ApiProperty({ type: [PackPeriodDto] })
  periods!: PackPeriodDto[];

  @ApiProperty({ type: [ReproductionDto], description: 'Earlier packs of the same month, area and suppression built from the same frozen snapshots' })
  reproducibility!: ReproductionDto[];

  @ApiProperty()
  pdfBytes!: number;
}

/** A board pack job: where it stands, and the stored pack once built. */
export class PackStatusDto implements PackStatus {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: JOB_STATES })
  state!: JobState | 'unknown';

  @ApiProperty({ type: PackRequestDto })
  request!: PackRequestDto;

  @ApiProperty({ type: PackProgressDto, nullable: true })
  progress!: PackProgressDto | null;

  @ApiProperty({ type: StoredPackDto, nullable: true })
  pack!: StoredPackDto | null;

  @ApiProperty({ type: String, nullable: true })
  failedReason!: string | null;
}

export class HeadlineFigureDto extends FigureDto {
  @ApiProperty({ enum: PERIOD_IDS })
  period!: PeriodId;

  @ApiProperty()
  label!: string;
}

export class HeadlineComparisonDto implements HeadlineComparison {
  @ApiProperty()
  caption!: string;

  @ApiProperty({ enum: ['proportion', 'days'] })
  unit!: 'proportion' | 'days';

  @ApiProperty({ type: [HeadlineFigureDto] })
  figures!: HeadlineFigureDto[];

  @ApiProperty({ type: Number, nullable: true })
  changeOnLastMonth!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  changeOnLastYear!: number | null;
}

export class PackColumnDto implements PackColumn {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['count', 'percent', 'days', 'interval', 'ratio', 'text'] })
  format!: PackColumn['format'];
}

export class PackRowDto implements PackRow {
  @ApiProperty()
  label!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      nullable: true,
      oneOf: [
        { type: 'number' },
        { type: 'string' },
        { type: 'object', properties: { lower: { type: 'number' }, upper: { type: 'number' } } },
        { type: 'object', properties: { suppressed: { type: 'boolean', enum: [true] } } },
      ],
    },
    description: 'Column id → the figure shown: a number, a text, an interval, {suppressed: true}, or null where it cannot be given',
  })
  cells!: PackRow['cells'];

  @ApiPropertyOptional()
  isTotal?: boolean;
}

export class PackChartDto {
  @ApiProperty()
  column!: string;

  @ApiProperty()
  title!: string;
}

export class PackTableDto implements PackTable {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  caption!: string;

  @ApiProperty({ type: [PackColumnDto] })
  columns!: PackColumnDto[];

  @ApiProperty({ type: [PackRowDto] })
  rows!: PackRowDto[];

  @ApiPropertyOptional({ type: PackChartDto })
  chart?: PackChartDto;

  @ApiProperty({ type: [String] })
  notes!: string[];
}

export class PackSectionDto implements PackSection {
  @ApiProperty()
  measureId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: HeadlineComparisonDto, nullable: true })
  headline!: HeadlineComparisonDto | null;

  @ApiProperty({ type: [PackTableDto] })
  tables!: PackTableDto[];
}

export class PackDefinitionDto implements PackDefinition {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  definitions!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty()
  numerator!: string;

  @ApiProperty()
  denominator!: string;

  @ApiProperty()
  counting!: string;
}

/** The pack's figures: what its page and its PDF print. */
export class BoardPackDto implements BoardPack {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ example: '2025-03' })
  month!: string;

  @ApiProperty({ type: [PackPeriodDto] })
  periods!: PackPeriodDto[];

  @ApiProperty()
  suppressed!: boolean;

  @ApiProperty({ type: String, nullable: true })
  suppressionNote!: string | null;

  @ApiProperty({ type: [PackSectionDto] })
  sections!: PackSectionDto[];

  @ApiProperty({ type: [PackDefinitionDto] })
  definitions!: PackDefinitionDto[];
}

/** GET /reports/packs/{id} as JSON. */
export class PackAnswerDto extends PackStatusDto {
  @ApiProperty({ type: BoardPackDto, nullable: true, description: 'Once built' })
  figures!: BoardPackDto | null;
}

/** GET /reports/packs. */
export class PackListDto {
  @ApiProperty({ type: [StoredPackDto], description: 'Built, newest first' })
  packs!: StoredPackDto[];

  @ApiProperty({ type: [PackStatusDto], description: 'Queued or being built' })
  pending!: PackStatusDto[];
}
