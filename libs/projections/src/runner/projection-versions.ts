import type { Redis } from 'ioredis';
import { currentVersionKey, ProjectionKeys } from './projection-keys';
import { keyPages } from './key-pages';

/**
 * Which version of each projection readers use (blue/green): the live runner writes the current
 * version, a rebuild writes the next one beside it, then the pointer moves and the old keys go.
 */
export class ProjectionVersions {
  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
  ) {}

  /** The version readers use; version 1 is claimed the first time a projection is asked for. */
  async current(projection: string): Promise<ProjectionKeys> {
    const key = currentVersionKey(this.prefix, projection);
    await this.redis.set(key, '1', 'NX');
    return new ProjectionKeys(this.prefix, projection, Number(await this.redis.get(key)));
  }

  /** The version readers use, without claiming one: version 1 until a projection has run. */
  async reading(projection: string): Promise<ProjectionKeys> {
    const stored = await this.redis.get(currentVersionKey(this.prefix, projection));
    return new ProjectionKeys(this.prefix, projection, stored === null ? 1 : Number(stored));
  }

  async switchTo(keys: ProjectionKeys): Promise<void> {
    await this.redis.set(currentVersionKey(this.prefix, keys.projection), String(keys.version));
  }

  /** Deletes every key of one version, a SCAN page at a time so Redis is never blocked for long. */
  async drop(keys: ProjectionKeys): Promise<number> {
    let dropped = 0;
    for await (const page of keyPages(this.redis, keys.pattern)) dropped += await this.redis.unlink(...page);
    return dropped;
  }
}
