import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../../access/requires.decorator';
import type { PackList } from './list-packs.handler';
import { ListPacksQuery } from './list-packs.query';

@ApiTags('reports')
@Controller('reports/packs')
export class ListPacksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Requires('compliance:read')
  @ApiOperation({ summary: 'Board packs built (newest first, each with its figures digest and reproducibility check) and those being built' })
  list(): Promise<PackList> {
    return this.queries.execute<ListPacksQuery, PackList>(new ListPacksQuery());
  }
}
