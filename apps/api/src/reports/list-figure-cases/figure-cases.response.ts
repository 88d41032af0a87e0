import { ApiProperty } from '@nestjs/swagger';
import type { CaseStage } from '@case-journey/domain';
import { FIGURE_PARTS, type FigurePart, type ReportCell } from '@case-journey/reporting';
import { WaitingOnDto } from '../../cases/find-cases/case-page.response';
import { CASE_STAGES } from '../../cases/find-cases/find-cases.dto';

export class FigureCaseDto {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: '41HT1234525' })
  urn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ enum: CASE_STAGES, nullable: true })
  stage!: CaseStage | null;

  @ApiProperty({ type: WaitingOnDto, nullable: true })
  waitingOn!: WaitingOnDto | null;

  @ApiProperty({ description: 'What this case adds to the figure (the obligations, files, trials… it counts there)' })
  count!: number;

  @ApiProperty({ description: "The case's own row of the report: each column's numerator, denominator and value over this case alone", type: 'object', additionalProperties: true })
  cells!: Record<string, ReportCell>;
}

class FigureMeasureDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
}

class FigureColumnDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() statistic!: string;
}

export class FigureCasesDto {
  @ApiProperty({ type: FigureMeasureDto })
  measure!: FigureMeasureDto;

  @ApiProperty({ type: FigureColumnDto })
  column!: FigureColumnDto;

  @ApiProperty({ enum: FIGURE_PARTS })
  part!: FigurePart;

  @ApiProperty({ type: [String], nullable: true, description: 'The areas counted (null: every area)' })
  areas!: string[] | null;

  @ApiProperty({ type: [String] })
  months!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  filters!: Record<string, string>;

  @ApiProperty({ format: 'date-time', description: 'Open obligations judged at this instant, as the live report judges them' })
  asOf!: string;

  @ApiProperty({ description: 'How many cases are behind the figure' })
  cases!: number;

  @ApiProperty({ description: "The figure itself: the cases' counts added up, the same as the report's" })
  count!: number;

  @ApiProperty({ type: [FigureCaseDto], description: 'Most counted first, then by case id' })
  items!: FigureCaseDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'The offset of the next page; null on the last' })
  nextOffset!: number | null;
}
