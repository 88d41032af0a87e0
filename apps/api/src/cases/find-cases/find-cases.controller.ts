import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import type { CaseFinderPage } from '@case-journey/projections';
import { Caller } from '../../access/caller.decorator';
import { refuseAreaOutOfScope } from '../../access/area-scope';
import { Requires } from '../../access/requires.decorator';
import { AreaDirectory } from '../../areas/area-directory';
import { fromMs, untilMs } from '../../http/london-dates';
import { QueryParamsPipe } from '../../http/query-params.pipe';
import { CasePageDto } from './case-page.response';
import { FindCasesDto } from './find-cases.dto';
import { FindCasesQuery } from './find-cases.query';
import { decodeCursor, encodeCursor } from './finder-cursor';
import { ApiProblemResponses } from '../../http/problem.response';

const flag = (value: 'true' | 'false' | undefined): boolean | undefined => (value === undefined ? undefined : value === 'true');

@ApiTags('cases')
@Controller('cases')
export class FindCasesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
  ) {}

  @Get()
  @Requires('case:find')
  @ApiOperation({
    summary: 'Find cases',
    description: 'Cases of your areas matching every filter given, newest opened first, a page at a time: pass the answer\'s `next` as `cursor` for the next page.',
  })
  @ApiOkResponse({ type: CasePageDto })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' }, 503)
  async findCases(@Query(QueryParamsPipe) params: FindCasesDto, @Caller() caller: Grant): Promise<CasePageDto> {
    const area = await this.areas.knownIfGiven(params.area);
    refuseAreaOutOfScope(caller, area);
    const page = await this.queries.execute<FindCasesQuery, CaseFinderPage>(
      new FindCasesQuery({
        areas: areasInScope(caller),
        area,
        urn: params.urn,
        stages: params.stage,
        waitingOn: params.waitingOn,
        offenceCategories: params.offenceCategory,
        openedFromMs: params.openedFrom === undefined ? undefined : fromMs(params.openedFrom),
        openedToMs: params.openedTo === undefined ? undefined : untilMs(params.openedTo),
        closed: flag(params.closed),
        enhanced: flag(params.enhanced),
        hasBreaches: flag(params.hasBreaches),
        sourceReference: params.sourceReference,
        after: params.cursor === undefined ? undefined : decodeCursor(params.cursor),
        limit: params.limit,
      }),
    );
    return { items: page.items, next: page.next === null ? null : encodeCursor(page.next) };
  }
}
