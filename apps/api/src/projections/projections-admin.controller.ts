import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PROJECTION_NAMES, type ProjectionName, type RebuildStatus } from '@case-journey/projections';
import { Requires } from '../access/requires.decorator';
import { GetRebuildQuery } from './get-rebuild.query';
import { ProjectionNamePipe } from './projection-name.pipe';
import { RequestRebuildCommand } from './request-rebuild.command';
import { ReadsRedis } from '../http/reads-redis';
import { RebuildStatusDto } from './rebuild-status.response';
import { ApiProblemResponses } from '../http/problem.response';

@ApiTags('projections')
@ReadsRedis()
@Controller('projections')
export class ProjectionsAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':name/rebuild')
  @HttpCode(202)
  @Requires('projections:admin')
  @ApiOperation({
    summary: 'Rebuild a projection from the start of the log',
    description: 'Runs on the worker as a job: the projection is replayed into a new version of its keys beside the live one; readers switch to it once it has caught up, and the old version is dropped.',
  })
  @ApiProblemResponses({ 400: 'Not a projection: `name` must be one of those listed' })
  @ApiParam({ name: 'name', enum: PROJECTION_NAMES, description: 'The projection to rebuild' })
  @ApiAcceptedResponse({ type: RebuildStatusDto, description: 'Queued on the worker: its job and where it stands' })
  rebuild(@Param('name', ProjectionNamePipe) name: ProjectionName): Promise<RebuildStatusDto> {
    return this.commands.execute<RequestRebuildCommand, RebuildStatus>(new RequestRebuildCommand(name));
  }

  @Get('rebuilds/:jobId')
  @Requires('projections:admin')
  @ApiOperation({ summary: "A rebuild job's state and progress (phase, positions reached and to reach)" })
  @ApiProblemResponses(400, { 404: 'No such rebuild job' })
  @ApiOkResponse({ type: RebuildStatusDto })
  status(@Param('jobId') jobId: string): Promise<RebuildStatusDto> {
    return this.queries.execute<GetRebuildQuery, RebuildStatus>(new GetRebuildQuery(jobId));
  }
}
