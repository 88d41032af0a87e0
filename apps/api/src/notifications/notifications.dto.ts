import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AGENCIES, type Agency } from '@case-journey/domain';
import { PagingDto } from '../http/paging.dto';

export class NotificationsDto extends PagingDto {
  @ApiPropertyOptional({ enum: AGENCIES, description: 'Only notifications about obligations this agency owed' })
  @IsOptional()
  @IsIn(AGENCIES)
  agency?: Agency;

  @ApiPropertyOptional({ description: 'Only notifications about cases of this police force / criminal justice board area', example: 'Hertfordshire' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  area?: string;
}
