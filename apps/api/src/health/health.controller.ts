import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration } from '@case-journey/platform';
import type { Response } from 'express';
import { catchingUpKey, JobQueues, lagOf, PROJECTION_NAMES, ProjectionVersions } from '@case-journey/projections';
import { Requires } from '../access/requires.decorator';
import { RETRY_AFTER_SECONDS } from '../http/service-unavailable';
import { ReadModelRedis } from '../read-models/read-models.module';
import { HealthDto } from './health.response';
import { ApiProblemResponses } from '../http/problem.response';

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
  @ApiProblemResponses(400)
  @ApiOperation({ summary: 'Whether the API can read its event store, where the log ends, how far each projection trails it, and how deep the queues are' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Degraded: the event store or Redis does not answer, or a projection is replayed from the start', headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } } })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const eventStore = this.configuration.eventStore;
    try {
      const readings = await withinBound(this.configuration.redisReadTimeoutMs, this.readings(eventStore));
      if (readings.status !== 'ok') response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return readings;
    } catch (error) {
      response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'degraded', eventStore, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Degraded, besides an unreachable store, while the worker replays a projection from the start of
   * a log holding events (Redis lost its data, or its first start): it marks the projection catching
   * up until the position the log had reached then.
   */
  private async readings(eventStore: string): Promise<HealthDto> {
    const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    const [projections, queues, catchingUp] = await Promise.all([
      Promise.all(PROJECTION_NAMES.map(async (name) => lagOf(this.redis.client, this.store, await this.versions.reading(name)))),
      this.queues.depths(),
      Promise.all(PROJECTION_NAMES.map((name) => this.redis.client.get(catchingUpKey(this.configuration.redisKeyPrefix, name)))),
    ]);
    const fromTheStart = projections.flatMap((lag, i) =>
      catchingUp[i] !== null ? [{ projection: lag.projection, until: catchingUp[i] }] : [],
    );
    return {
      status: fromTheStart.length > 0 ? 'degraded' : 'ok',
      eventStore,
      lastPosition: last?.position.toString() ?? null,
      ...(fromTheStart.length > 0 && { catchingUpFromTheStart: fromTheStart }),
      projections,
      queues,
    };
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
