import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isInstant } from '../dto/formats';

/** `?asOf=`: read a case as the product knew it at a past instant. */
export class AsOfDto {
  @ApiPropertyOptional({
    description: 'An ISO-8601 instant with its zone: the answer is what was recorded by then, obligations judged then. In the future: 400; before the case existed: 404',
    example: '2025-04-08T09:00:00Z',
  })
  @IsOptional()
  @ValidateBy({ name: 'isInstant', validator: { validate: isInstant, defaultMessage: () => 'asOf must be an ISO-8601 instant with its time zone (Z or ±hh:mm)' } })
  asOf?: string;
}
