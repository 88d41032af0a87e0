import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FIGURE_PARTS, type FigurePart } from '@case-journey/reporting';
import { PagingDto } from '../../http/paging.dto';
import { PublicReportParamsDto } from '../get-report/report-params.dto';

/** One figure of a live report, as the report was asked (area, period, filters), and which of its counts. */
export class FigureCasesParamsDto extends IntersectionType(PickType(PublicReportParamsDto, ['area', 'period', 'filter'] as const), PagingDto) {
  @ApiPropertyOptional({ description: "The measure's column (GET /reports/measures lists them); its headline when absent", example: 'met-on-time' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'column must be a column id such as met-on-time' })
  column?: string;

  @ApiPropertyOptional({
    description: "Which count of the column: `denominator` (a rate's base, what \"of 5\" counts; the default) or `numerator` (what is counted on top). A count column has only its numerator; a median or percentile only the cases it was measured over.",
    enum: FIGURE_PARTS,
  })
  @IsOptional()
  @IsIn(FIGURE_PARTS)
  part?: FigurePart;
}
