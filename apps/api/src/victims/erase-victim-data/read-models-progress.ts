import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { PROJECTION_NAMES, ProjectionVersions, readCheckpoint } from '@case-journey/projections';
import { ReadModelRedis } from '../../read-models/read-models.module';

const POLL_MS = 20;

/** Whether the projections readers use have read the log as far as it goes now. */
@Injectable()
export class ReadModelsProgress {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly redis: ReadModelRedis,
    private readonly versions: ProjectionVersions,
  ) {}

  /** True once every projection has read every event stored before this call, false if that takes longer than `timeoutMs`. */
  async caughtUp(timeoutMs: number): Promise<boolean> {
    const [head] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    if (!head) return true;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.allReached(head.position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async allReached(position: bigint): Promise<boolean> {
    const checkpoints = await Promise.all(PROJECTION_NAMES.map(async (name) => readCheckpoint(this.redis.client, await this.versions.reading(name))));
    return checkpoints.every((checkpoint) => checkpoint !== undefined && checkpoint >= position);
  }
}
