import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { readinessOf } from '@case-journey/platform';
import { Requires } from '../access/requires.decorator';
import { ReadModelRedis } from '../read-models/read-models.module';
import { RETRY_AFTER_SECONDS } from '../http/service-unavailable';
import { LivenessDto, ReadinessDto } from './health.response';
import { ApiProblemResponses } from '../http/problem.response';

/**
 * Liveness and readiness, apart: a process whose store or Redis is away is alive (restarting it
 * would not bring them back) but not ready (a load balancer should send its requests elsewhere).
 */
@ApiTags('health')
@Controller('health')
export class ProbesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly redis: ReadModelRedis,
  ) {}

  @Get('live')
  @Requires('service:health')
  @ApiProblemResponses(400)
  @ApiOperation({ summary: 'Liveness: the process answers (200), whatever its dependencies do' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'live' };
  }

  @Get('ready')
  @Requires('service:health')
  @ApiProblemResponses(400)
  @ApiOperation({ summary: 'Readiness: 200 when the event store and Redis both answer, else 503 naming what does not' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'Not ready: names what does not answer', headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } } })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessDto> {
    const { ready, answers } = await readinessOf({ eventStore: () => this.store.readAll({ direction: 'backwards', maxCount: 1 }), redis: () => this.redis.client.ping() });
    if (!ready) response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return { status: ready ? 'ready' : 'not-ready', eventStore: answers.eventStore, redis: answers.redis };
  }
}
