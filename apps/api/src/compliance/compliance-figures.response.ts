import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_DIMENSIONS, TIMELINESS_MEASURES, type ComplianceDimension, type ComplianceFigures, type ComplianceRow, type TimelinessFigures, type TimelinessMeasure, type TimelinessSummary } from '@case-journey/projections';
import { OBLIGATION_STATUSES, type ObligationStatus } from '@case-journey/victims-code';

export class ComplianceCountsDto implements Record<ObligationStatus, number> {
  @ApiProperty()
  pending!: number;

  @ApiProperty({ name: 'due-soon' })
  'due-soon'!: number;

  @ApiProperty()
  met!: number;

  @ApiProperty({ name: 'met-late' })
  'met-late'!: number;

  @ApiProperty()
  breached!: number;

  @ApiProperty({ name: 'not-applicable' })
  'not-applicable'!: number;
}

export class ComplianceRowDto implements ComplianceRow {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: `The group's value of each groupBy dimension (${COMPLIANCE_DIMENSIONS.join(', ')})`,
    example: { area: 'Wessex', month: '2025-03' },
  })
  group!: Partial<Record<ComplianceDimension, string | number>>;

  @ApiProperty({ type: ComplianceCountsDto, description: `Obligations by status: ${OBLIGATION_STATUSES.join(', ')}` })
  counts!: ComplianceCountsDto;

  @ApiProperty({ description: 'Fallen due: met on time, met late or breached' })
  due!: number;

  @ApiProperty()
  metOnTime!: number;

  @ApiProperty()
  metLate!: number;

  @ApiProperty()
  breached!: number;

  @ApiProperty()
  notApplicable!: number;

  @ApiProperty()
  open!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Met on time / due; null when none is due' })
  rate!: number | null;
}

/** GET /compliance. */
export class ComplianceTableDto implements ComplianceFigures {
  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ type: [String], example: ['2025-03'] })
  months!: string[];

  @ApiProperty({ enum: COMPLIANCE_DIMENSIONS, isArray: true })
  groupBy!: ComplianceDimension[];

  @ApiProperty({ type: [ComplianceRowDto] })
  rows!: ComplianceRowDto[];
}

export class TimelinessSummaryDto implements TimelinessSummary {
  @ApiProperty({ enum: TIMELINESS_MEASURES })
  measure!: TimelinessMeasure;

  @ApiProperty({ enum: ['days', 'working-days'] })
  unit!: 'days' | 'working-days';

  @ApiProperty({ description: 'Intervals measured' })
  count!: number;

  @ApiProperty({ type: Number, nullable: true })
  median!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p90!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Intervals by bucket of days' })
  histogram!: Record<string, number>;
}

/** GET /compliance/timeliness. */
export class TimelinessTableDto implements TimelinessFigures {
  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ type: [String], example: ['2025-03'] })
  months!: string[];

  @ApiProperty({ type: [TimelinessSummaryDto] })
  measures!: TimelinessSummaryDto[];
}
