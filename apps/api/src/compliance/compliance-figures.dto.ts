import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, MaxLength, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { COMPLIANCE_DIMENSIONS, groupingProblem, type ComplianceDimension } from '@case-journey/projections';
import { commaList } from '../http/paging.dto';
import { monthsOf } from './reporting-period';

@ValidatorConstraint({ name: 'reportingPeriod' })
class IsReportingPeriod implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && monthsOf(value) !== undefined;
  }
  defaultMessage(): string {
    return 'period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM..YYYY-MM (at most five years)';
  }
}

@ValidatorConstraint({ name: 'breakdown' })
class IsBreakdown implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return Array.isArray(value) && groupingProblem(value as ComplianceDimension[]) === undefined;
  }
  defaultMessage(args?: ValidationArguments): string {
    return `groupBy: ${groupingProblem((args?.value ?? []) as ComplianceDimension[])}`;
  }
}

/** An area (or all) and a reporting period (or all months with figures). */
export class ReportingPeriodDto {
  @ApiPropertyOptional({ description: 'Police force / criminal justice board area; all areas when absent', example: 'Hertfordshire' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;

  @ApiPropertyOptional({ description: 'YYYY, YYYY-Qn, YYYY-MM or YYYY-MM..YYYY-MM (London months); every month when absent', example: '2025-Q1' })
  @IsOptional()
  @Validate(IsReportingPeriod)
  period?: string;
}

export class ComplianceFiguresDto extends ReportingPeriodDto {
  @ApiPropertyOptional({ description: `Comma-separated, from: ${COMPLIANCE_DIMENSIONS.join(', ')}`, default: 'entitlement', example: 'area,entitlement,agency' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsIn(COMPLIANCE_DIMENSIONS, { each: true })
  @Validate(IsBreakdown)
  groupBy: ComplianceDimension[] = ['entitlement'];
}
