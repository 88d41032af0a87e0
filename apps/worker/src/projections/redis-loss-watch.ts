import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisLink } from '../redis-link';
import { ProjectionSupervisor } from './projection-supervisor';

/** Each time Redis answers the worker's probe, checks that it still holds the projections it had (REDIS_LOSS_CHECK_MS). */
@Injectable()
export class RedisLossWatch implements OnApplicationBootstrap {
  constructor(
    private readonly link: RedisLink,
    private readonly supervisor: ProjectionSupervisor,
  ) {}

  onApplicationBootstrap(): void {
    this.link.onAnswer(() => this.supervisor.recoverLostProjections());
  }
}
