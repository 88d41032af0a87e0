import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, withinAreas, type Grant } from '@case-journey/access';
import { Caller } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import type { PackList } from './list-packs.handler';
import { ListPacksQuery } from './list-packs.query';
import { ReadsRedis } from '../../../http/reads-redis';
import { PackListDto } from '../board-pack.response';
import { ApiProblemResponses } from '../../../http/problem.response';

@ApiTags('reports')
@ReadsRedis()
@Controller('reports/packs')
export class ListPacksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Requires('compliance:read')
  @ApiOperation({ summary: 'Board packs built (newest first, each with its figures digest and reproducibility check) and those being built' })
  @ApiProblemResponses(400)
  @ApiOkResponse({ type: PackListDto })
  async list(@Caller() caller: Grant): Promise<PackListDto> {
    const { packs, pending } = await this.queries.execute<ListPacksQuery, PackList>(new ListPacksQuery());
    const areas = areasInScope(caller);
    return { packs: packs.filter((pack) => withinAreas(areas, pack.area)), pending: pending.filter((status) => withinAreas(areas, status.request.area)) };
  }
}
