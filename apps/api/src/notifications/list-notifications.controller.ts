import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { areasInScope, type Grant } from '@case-journey/access';
import type { NotificationPage } from '@case-journey/projections';
import { refuseAreaOutOfScope } from '../access/area-scope';
import { Caller } from '../access/caller.decorator';
import { AreaDirectory } from '../areas/area-directory';
import { Requires } from '../access/requires.decorator';
import { QueryParamsPipe } from '../http/query-params.pipe';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationsDto } from './notifications.dto';
import { ReadsRedis } from '../http/reads-redis';
import { NotificationPageDto } from './notification-page.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('notifications')
@ReadsRedis()
@Controller('notifications')
export class ListNotificationsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly areas: AreaDirectory,
  ) {}

  @Get()
  @Requires('notifications:read')
  @ApiOperation({ summary: "Victims' Code breaches raised at the moment their deadline passed unmet, newest first" })
  @ApiProblemResponses(400, { 404: 'An unknown `area`: the answer lists the areas known' })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@Query(QueryParamsPipe) params: NotificationsDto, @Caller() caller: Grant): Promise<NotificationPageDto> {
    const area = await this.areas.knownIfGiven(params.area);
    refuseAreaOutOfScope(caller, area);
    const criteria = { agency: params.agency, areas: area === undefined ? areasInScope(caller) : [area], offset: params.offset, limit: params.limit };
    return this.queries.execute<ListNotificationsQuery, NotificationPage>(new ListNotificationsQuery(criteria));
  }
}
