import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CaseFinderReader } from '@case-journey/projections';
import { Requires } from '../access/requires.decorator';
import { ApiProblemResponses } from '../http/problem.response';

export class KnownAreaDto {
  @ApiProperty({ example: 'Wessex', description: 'As first recorded; filters match it whatever its case and blanks' })
  area!: string;

  @ApiProperty({ description: 'Cases of the area' })
  cases!: number;
}

export class AreaListDto {
  @ApiProperty({ type: [KnownAreaDto] })
  areas!: KnownAreaDto[];
}

@ApiTags('areas')
@Controller('areas')
export class ListAreasController {
  constructor(private readonly finder: CaseFinderReader) {}

  @Get()
  @Requires('areas:read')
  @ApiOperation({ summary: 'The areas known, with how many cases each has' })
  @ApiOkResponse({ type: AreaListDto })
  @ApiProblemResponses(400, 503)
  async listAreas(): Promise<AreaListDto> {
    return { areas: await this.finder.areas() };
  }
}
