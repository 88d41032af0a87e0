import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { JobState } from 'bullmq';
import type { AsOfProgress, AsOfReportStatus, LateRecord, SnapshotComparison, SnapshotInfo } from '@case-journey/projections';
import {
  VICTIM_CHARACTERISTICS,
  type Interval,
  type MeasureStatistic,
  type ProportionTest,
  type ProtectionRule,
  type Report,
  type ReportBasis,
  type ReportColumn,
  type ReportMeasure,
  type ReportRow,
  type RowComparison,
  type SuppressedReportCell,
} from '@case-journey/reporting';
import { JOB_STATES } from '../http/job-state.response';

const STATISTICS = ['rate', 'count', 'median', 'p90'] as const satisfies readonly MeasureStatistic[];
const TESTS = ['fisher-exact', 'two-proportion-z'] as const satisfies readonly ProportionTest[];
const month = { example: '2025-03' } as const;

export class ReportMeasureDto implements ReportMeasure {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'The definitions set' })
  definitions!: string;

  @ApiProperty()
  definitionsVersion!: string;

  @ApiProperty({ description: "The measure's own version" })
  version!: string;

  @ApiProperty()
  unit!: string;

  @ApiProperty()
  numerator!: string;

  @ApiProperty()
  denominator!: string;

  @ApiProperty()
  counting!: string;

  @ApiProperty({ description: 'The column id of its headline figure' })
  headline!: string;
}

export class ReportBasisDto implements ReportBasis {
  @ApiProperty({ enum: ['live', 'as-of', 'frozen'], description: 'Live from the read model, as known at a past instant, or a frozen month-end snapshot' })
  kind!: ReportBasis['kind'];

  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiPropertyOptional(month)
  snapshotMonth?: string;
}

export class ReportColumnDto implements ReportColumn {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: STATISTICS })
  statistic!: MeasureStatistic;

  @ApiProperty()
  unit!: string;
}

export class CountPairDto {
  @ApiProperty({ type: Number, nullable: true })
  numerator!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  denominator!: number | null;
}

/** A figure with what it is worked out from: rate, numerator of denominator and their quotient; count, the count; median and p90, the value, with the cases measured as denominator. */
export class FigureDto extends CountPairDto {
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
}

export class ReportCellDto extends FigureDto implements SuppressedReportCell {
  @ApiPropertyOptional({ enum: [true], description: 'Suppressed: its figures are null' })
  suppressed?: true;
}

export class IntervalDto implements Interval {
  @ApiProperty()
  lower!: number;

  @ApiProperty()
  upper!: number;
}

export class RowComparisonDto implements RowComparison {
  @ApiProperty({ type: String, nullable: true, description: 'The reference group: the stated group with most cases' })
  reference!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  rate!: number | null;

  @ApiProperty({ type: IntervalDto, nullable: true, description: 'Wilson 95 % interval of the rate' })
  interval!: IntervalDto | null;

  @ApiProperty()
  isReference!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  rateRatio!: number | null;

  @ApiProperty({ type: IntervalDto, nullable: true })
  rateRatioInterval!: IntervalDto | null;

  @ApiProperty({ enum: TESTS, nullable: true })
  test!: ProportionTest | null;

  @ApiProperty({ type: Number, nullable: true })
  pValue!: number | null;

  @ApiProperty()
  significant!: boolean;
}

export class ReportRowDto implements ReportRow {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'dimension → value, for each groupBy dimension', example: { entitlement: 'R4.referral' } })
  group!: Record<string, string>;

  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(ReportCellDto) }, description: 'column id → figures' })
  cells!: Record<string, ReportCellDto>;

  @ApiPropertyOptional({ type: RowComparisonDto, nullable: true, description: 'Grouped by a victim characteristic: the headline rate against the reference group (null where suppression hides it)' })
  comparison?: RowComparisonDto | null;
}

export class DisproportionalityDto {
  @ApiProperty({ enum: VICTIM_CHARACTERISTICS })
  characteristic!: string;

  @ApiProperty()
  column!: string;

  @ApiProperty({ example: 0.95 })
  confidence!: number;
}

export class SuppressionDto implements ProtectionRule {
  @ApiProperty({ description: 'Counts below it are suppressed' })
  threshold!: number;

  @ApiProperty()
  includeZeros!: boolean;

  @ApiProperty()
  protection!: number;
}

export class SnapshotInfoDto implements SnapshotInfo {
  @ApiProperty(month)
  month!: string;

  @ApiProperty({ format: 'date-time', description: 'Events recorded up to it, obligations judged at it' })
  asOf!: string;

  @ApiProperty({ format: 'date-time' })
  frozenAt!: string;

  @ApiProperty()
  definitionsVersion!: string;
}

export class SnapshotChangeDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  group!: Record<string, string>;

  @ApiProperty()
  column!: string;

  @ApiProperty({ type: CountPairDto })
  frozen!: CountPairDto;

  @ApiProperty({ type: CountPairDto })
  live!: CountPairDto;
}

export class LateRecordDto implements LateRecord {
  @ApiProperty()
  eventId!: string;

  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  type!: string;

  @ApiProperty()
  agency!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ ...month, description: 'The frozen month it moves' })
  month!: string;

  @ApiProperty({ format: 'date-time' })
  frozenAt!: string;
}

export class SnapshotComparisonDto implements SnapshotComparison {
  @ApiProperty(month)
  month!: string;

  @ApiProperty({ type: SnapshotInfoDto })
  snapshot!: SnapshotInfoDto;

  @ApiProperty()
  differs!: boolean;

  @ApiProperty({ type: [SnapshotChangeDto] })
  changes!: SnapshotChangeDto[];

  @ApiProperty({ type: [LateRecordDto], description: 'The records stored after the snapshot that moved it' })
  lateRecords!: LateRecordDto[];
}

/** A measure's report, as GET /reports/{measure} and GET /public/reports/{measure} send it. */
@ApiExtraModels(ReportCellDto)
export class ReportDto implements Report {
  @ApiProperty({ type: ReportMeasureDto })
  measure!: ReportMeasureDto;

  @ApiProperty({ type: ReportBasisDto })
  basis!: ReportBasisDto;

  @ApiProperty({ type: [String], nullable: true, description: 'null: every area' })
  areas!: string[] | null;

  @ApiProperty({ type: [String], example: ['2025-03'] })
  months!: string[];

  @ApiProperty({ type: [String] })
  groupBy!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'dimension → value the facts were restricted to' })
  filters!: Record<string, string>;

  @ApiProperty({ type: [ReportColumnDto] })
  columns!: ReportColumnDto[];

  @ApiProperty({ type: [ReportRowDto] })
  rows!: ReportRowDto[];

  @ApiProperty({ type: ReportRowDto, nullable: true, description: 'All rows together; null where groups do not add up (timeliness intervals)' })
  total!: ReportRowDto | null;

  @ApiProperty({ type: DisproportionalityDto, nullable: true })
  disproportionality!: DisproportionalityDto | null;

  @ApiPropertyOptional({ type: SuppressionDto, description: 'Present when suppressed: the rule applied' })
  suppression?: SuppressionDto;

  @ApiPropertyOptional({ type: SnapshotComparisonDto, description: 'A live report of one frozen month (not to the public): what moved since the snapshot, and the late records behind it' })
  snapshotComparison?: SnapshotComparisonDto;
}

export class AsOfProgressDto implements AsOfProgress {
  @ApiProperty({ enum: ['reading', 'counting'] })
  phase!: AsOfProgress['phase'];

  @ApiProperty()
  eventsRead!: number;

  @ApiProperty()
  casesCounted!: number;

  @ApiProperty()
  cases!: number;
}

/** Where an as-of report's job stands (202). */
export class AsOfReportJobDto implements AsOfReportStatus {
  @ApiProperty()
  jobId!: string;

  @ApiProperty({ enum: JOB_STATES })
  state!: JobState | 'unknown';

  @ApiProperty({ type: AsOfProgressDto, nullable: true })
  progress!: AsOfProgressDto | null;

  @ApiProperty({ type: ReportDto, nullable: true })
  report!: ReportDto | null;

  @ApiProperty({ type: String, nullable: true })
  failedReason!: string | null;
}
