import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import type { Response } from 'express';
import { JobQueues, lagOf, PROJECTION_NAMES, ProjectionVersions } from '@case-journey/projections';
import { Requires } from '../access/requires.decorator';
import { ReadModelRedis } from '../read-models/read-models.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    private readonly redis: ReadModelRedis,
    private readonly versions: ProjectionVersions,
    private readonly queues: JobQueues,
  ) {}

  @Get()
  @Requires('service:health')
  @ApiOperation({ summary: 'Whether the API can read its event store, where the log ends, how far each projection trails it, and how deep the queues are' })
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const eventStore = this.configuration.eventStore;
    try {
      const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
      const [projections, queues] = await Promise.all([
        Promise.all(PROJECTION_NAMES.map(async (name) => lagOf(this.redis.client, this.store, await this.versions.reading(name)))),
        this.queues.depths(),
      ]);
      return { status: 'ok', eventStore, lastPosition: last?.position.toString() ?? null, projections, queues };
    } catch (error) {
      response.status(503);
      return { status: 'degraded', eventStore, problem: error instanceof Error ? error.message : String(error) };
    }
  }
}
