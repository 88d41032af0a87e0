import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** How many items a page holds: the part of paging that a list paged by offset and one paged by cursor share. */
export class PageSizeDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}

/** offset and limit of a paged list. */
export class PagingDto extends PageSizeDto {
  /** Bounded: each page reads the sorted sets up to offset + limit. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset = 0;
}

/** What a page of a list paged by offset says of itself; each list's page adds its items. */
export class OffsetPageDto {
  @ApiProperty({ description: 'Items matching, on every page' })
  total!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty()
  limit!: number;
}

/** A comma-separated query parameter as a list. */
export const commaList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part.length > 0) : value;
