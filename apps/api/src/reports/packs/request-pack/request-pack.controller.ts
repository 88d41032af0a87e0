import { Body, Controller, Header, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PackStatus } from '@case-journey/board-pack';
import { areasInScope, type Grant } from '@case-journey/access';
import { AccessRefusedError } from '../../../access/access-refused.error';
import { refuseAreaOutOfScope } from '../../../access/area-scope';
import { Caller } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import { FlatBodyPipe } from '../../../http/flat-body.pipe';
import { RequestPackCommand } from './request-pack.command';
import { RequestPackDto } from './request-pack.dto';
import { ReadsRedis } from '../../../http/reads-redis';
import { PackStatusDto } from '../board-pack.response';
import { ApiProblemResponses, BODY_PROBLEMS } from '../../../http/problem.response';

@ApiTags('reports')
@ReadsRedis()
@Controller('reports/packs')
export class RequestPackController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @Requires('reports:build-pack')
  @ApiOperation({
    summary: "Build a month's board pack",
    description:
      'Queues the pack as a job on the worker and answers 202 with its id and where it stands; GET /reports/packs/{id} gives its progress, then the pack. ' +
      'The pack holds each measure this month against last month and the same month last year, breakdowns, disproportionality, the suppression note and the definitions, as JSON, an HTML page and a PDF.',
  })
  @ApiProblemResponses(...BODY_PROBLEMS)
  @ApiAcceptedResponse({ type: PackStatusDto, description: 'Queued: its id and where it stands; Location is where to read it' })
  async request(@Body(FlatBodyPipe) body: RequestPackDto, @Res({ passthrough: true }) response: Response, @Caller() caller: Grant): Promise<PackStatusDto> {
    refuseAreaOutOfScope(caller, body.area ?? undefined);
    if (!body.area && areasInScope(caller) !== undefined) throw new AccessRefusedError('a pack of every area reads areas outside yours: name one of your areas', 'area');
    const status = await this.commands.execute<RequestPackCommand, PackStatus>(
      new RequestPackCommand({
        month: body.month,
        area: body.area ?? null,
        suppress: body.suppress ?? true,
        suppression: { threshold: body.threshold, includeZeros: body.includeZeros },
      }),
    );
    response.location(`/reports/packs/${status.id}`);
    return status;
  }
}
