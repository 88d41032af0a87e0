import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import type { Response } from 'express';
import { JobQueues, lagOf, PROJECTION_NAMES, ProjectionVersions } from '@case-journey/projections';
import { Requires } from '../access/requires.decorator';
import { RETRY_AFTER_SECONDS } from '../http/service-unavailable';
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
      return await withinBound(this.configuration.redisReadTimeoutMs, this.readings(eventStore));
    } catch (error) {
      response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'degraded', eventStore, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  private async readings(eventStore: string): Promise<object> {
    const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    const [projections, queues] = await Promise.all([
      Promise.all(PROJECTION_NAMES.map(async (name) => lagOf(this.redis.client, this.store, await this.versions.reading(name)))),
      this.queues.depths(),
    ]);
    return { status: 'ok', eventStore, lastPosition: last?.position.toString() ?? null, projections, queues };
  }
}

/** The readings, or a failure once `ms` passed without them (a Redis that does not answer is as good as down). */
async function withinBound<T>(ms: number, readings: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([readings, late]);
  } finally {
    clearTimeout(timer);
  }
}
