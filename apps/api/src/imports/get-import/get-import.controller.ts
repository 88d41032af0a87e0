import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Grant } from '@case-journey/access';
import { Caller } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { GetImportQuery } from './get-import.query';
import type { ImportProgress } from './get-import.handler';
import { ImportProgressDto } from '../import.response';
import { ApiProblemResponses } from '../../http/problem.response';

@ApiTags('imports')
@Controller('imports')
export class GetImportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Requires('imports:run')
  @ApiOperation({ summary: "An import's progress: its state, lines read, accepted, replayed and rejected, bytes read of the total, its pace and the time left" })
  @ApiProblemResponses(400, { 404: "No such import, or another agency's" })
  @ApiOkResponse({ type: ImportProgressDto })
  get(@Param('id') id: string, @Caller() caller: Grant): Promise<ImportProgressDto> {
    return this.queries.execute<GetImportQuery, ImportProgress>(new GetImportQuery(id, caller));
  }
}
