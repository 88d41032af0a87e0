import { Controller, Get, NotFoundException, Param, Req, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { isPackId, PackStore } from '@case-journey/board-pack';
import { areasInScope, withinAreas, type Grant } from '@case-journey/access';
import { Caller } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import { RequestValidationError } from '../../../http/request-validation.error';
import type { PackAnswer } from './get-pack.handler';
import { GetPackQuery } from './get-pack.query';
import { ReadsRedis } from '../../../http/reads-redis';
import { PackAnswerDto } from '../board-pack.response';
import { ApiProblemResponses } from '../../../http/problem.response';

@ApiTags('reports')
@ReadsRedis()
@Controller('reports/packs')
export class GetPackController {
  constructor(
    private readonly queries: QueryBus,
    private readonly store: PackStore,
  ) {}

  @Get(':id')
  @Requires('reports:read-pack')
  @ApiProduces('application/json', 'application/pdf', 'text/html')
  @ApiOperation({
    summary: 'A board pack: its progress while it is built, then its figures (JSON), its page (Accept: text/html) or its PDF (Accept: application/pdf)',
  })
  @ApiProblemResponses({ 400: '`id` is not a board pack id (a UUID)', 404: 'No such pack, or one of another area (or of every area) for a board restricted to its own' })
  @ApiOkResponse({
    description: 'Its progress and, once built, its figures (JSON); its page (HTML) or its PDF once built',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PackAnswerDto) } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiExtraModels(PackAnswerDto)
  async get(@Param('id') id: string, @Req() request: Request, @Caller() caller: Grant): Promise<PackAnswerDto | StreamableFile> {
    if (!isPackId(id)) throw new RequestValidationError([{ field: 'id', messages: ['id must be a board pack id (a UUID)'] }]);
    const answer = await this.queries.execute<GetPackQuery, PackAnswer>(new GetPackQuery(id));
    // Another area's pack (or one of every area) is not found by a board restricted to its own.
    if (!withinAreas(areasInScope(caller), answer.request?.area)) throw new NotFoundException(`No board pack ${id}`);
    const wanted = answer.pack ? request.accepts(['application/json', 'application/pdf', 'text/html']) : 'application/json';
    if (wanted === 'application/pdf' || wanted === 'text/html') {
      const file = wanted === 'application/pdf' ? await this.store.pdf(id) : await this.store.html(id);
      if (!file) throw new NotFoundException(`No board pack ${id}`);
      if (wanted === 'text/html') return new StreamableFile(file, { type: 'text/html; charset=utf-8' });
      const name = `board-pack-${answer.pack!.area ?? 'all-areas'}-${answer.pack!.month}.pdf`.replace(/[^A-Za-z0-9.-]+/g, '-');
      return new StreamableFile(file, { type: 'application/pdf', disposition: `attachment; filename="${name}"` });
    }
    return answer;
  }
}
