import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACT_SOURCE_NAMES, VICTIM_CHARACTERISTICS, type FactSource, type MeasureColumn, type MeasureDefinition, type MeasureStatistic, type VictimCharacteristic } from '@case-journey/reporting';
import type { MeasuresInForce } from './list-measures.handler';

const STATISTICS = ['rate', 'count', 'median', 'p90'] as const satisfies readonly MeasureStatistic[];

export class MeasureColumnDto implements MeasureColumn {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: STATISTICS })
  statistic!: MeasureStatistic;

  @ApiProperty({ type: [String], description: 'The outcomes it counts' })
  numerator!: string[];

  @ApiPropertyOptional({ type: [String], description: 'The outcomes it counts against' })
  denominator?: string[];

  @ApiProperty({ enum: ['proportion', 'count', 'days', 'working-days'] })
  unit!: MeasureColumn['unit'];
}

export class MeasureDefinitionDto implements MeasureDefinition {
  @ApiProperty({ example: 'vc-compliance' })
  id!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty({ format: 'date' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ format: 'date' })
  effectiveTo?: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: FACT_SOURCE_NAMES, description: 'What it counts' })
  source!: FactSource;

  @ApiPropertyOptional({ type: [String], description: 'The entitlements counted, for obligations' })
  entitlements?: string[];

  @ApiProperty({ enum: ['proportion', 'days', 'count'] })
  unit!: MeasureDefinition['unit'];

  @ApiProperty()
  counting!: string;

  @ApiProperty()
  numerator!: string;

  @ApiProperty()
  denominator!: string;

  @ApiProperty({ type: [MeasureColumnDto] })
  columns!: MeasureColumnDto[];

  @ApiProperty({ description: 'The column id of its headline figure' })
  headline!: string;

  @ApiProperty({ type: [String], description: 'What it can be grouped by' })
  breakdowns!: string[];

  @ApiProperty({ enum: VICTIM_CHARACTERISTICS, isArray: true, description: 'The victim characteristics it is compared on' })
  disproportionality!: VictimCharacteristic[];
}

/** GET /reports/measures. */
export class MeasuresInForceDto implements MeasuresInForce {
  @ApiProperty({ description: 'The definitions set' })
  definitions!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date', description: 'The London day they are in force on' })
  inForceOn!: string;

  @ApiProperty({ type: [MeasureDefinitionDto] })
  measures!: MeasureDefinitionDto[];
}
