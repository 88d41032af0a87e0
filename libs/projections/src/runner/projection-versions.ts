import type { Redis } from 'ioredis';
import { currentVersionKey, ProjectionKeys } from './projection-keys';
import { keyPages } from './key-pages';

/**
 * Which version of each projection readers use (blue/green): the live runner writes the current
 * version, a rebuild writes the next one beside it, then the pointer moves and the old keys go.
 */
export class ProjectionVersions {
  /** The version last read for readers, per projection, and when it was asked for. */
  private readonly readings = new Map<string, { askedAt: number; keys: Promise<ProjectionKeys> }>();

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
    /**
     * How long `reading` keeps a version before asking Redis again, so that a read costs no extra
     * round trip for the pointer. A rebuild waits this long after switching before it drops the
     * old version, so a reader on the old version never meets its keys gone.
     */
    readonly readingFreshForMs = 1000,
  ) {}

  /** The version readers use; version 1 is claimed the first time a projection is asked for. */
  async current(projection: string): Promise<ProjectionKeys> {
    const key = currentVersionKey(this.prefix, projection);
    await this.redis.set(key, '1', 'NX');
    return new ProjectionKeys(this.prefix, projection, Number(await this.redis.get(key)));
  }

  /**
   * The version readers use, without claiming one: version 1 until a projection has run. The same
   * keys while the reading is kept, new ones each time Redis is asked again, so that what a reader
   * keeps of a version can be kept as long as its reading (see `CaseFinderReader.knownArea`).
   */
  reading(projection: string): Promise<ProjectionKeys> {
    const known = this.readings.get(projection);
    if (known && Date.now() - known.askedAt < this.readingFreshForMs) return known.keys;
    const asked = { askedAt: Date.now(), keys: this.readStored(projection) };
    this.readings.set(projection, asked);
    // A failed read is not kept: the next reader asks again.
    asked.keys.catch(() => this.readings.get(projection) === asked && this.readings.delete(projection));
    return asked.keys;
  }

  async switchTo(keys: ProjectionKeys): Promise<void> {
    await this.redis.set(currentVersionKey(this.prefix, keys.projection), String(keys.version));
    this.readings.set(keys.projection, { askedAt: Date.now(), keys: Promise.resolve(keys) });
  }

  /** Resolves once every reader, in any process, has had time to follow a switch. */
  readersFollowed(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.readingFreshForMs));
  }

  private async readStored(projection: string): Promise<ProjectionKeys> {
    const stored = await this.redis.get(currentVersionKey(this.prefix, projection));
    return new ProjectionKeys(this.prefix, projection, stored === null ? 1 : Number(stored));
  }

  /** Deletes every key of one version, a SCAN page at a time so Redis is never blocked for long. */
  async drop(keys: ProjectionKeys): Promise<number> {
    let dropped = 0;
    for await (const page of keyPages(this.redis, keys.pattern)) dropped += await this.redis.unlink(...page);
    return dropped;
  }
}
