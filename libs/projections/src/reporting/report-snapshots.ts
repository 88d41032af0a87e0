import type { Redis } from 'ioredis';
import { parseCounterSuffix, type FactCounterHash } from '@case-journey/reporting';

/** A month's frozen figures: when they were taken as known, and with which definitions. */
export interface SnapshotInfo {
  month: string;
  /** Events recorded up to this instant, obligations judged at it. */
  asOf: string;
  /** When the snapshot was written. */
  frozenAt: string;
  definitionsVersion: string;
}

/**
 * Frozen month-end snapshots, kept outside the projection's versions so a rebuild never touches
 * them: `{prefix}:report-snapshots:{month}` holds the info, `…:{month}:{counter suffix}` the
 * counts, `…:{month}:suffixes` which counters there are. A snapshot is written once and never
 * changed, so a pack regenerated later reads the same figures.
 */
export class ReportSnapshotStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private base(month: string): string {
    return `${this.prefix}:report-snapshots:${month}`;
  }

  async info(month: string): Promise<SnapshotInfo | undefined> {
    const stored = await this.redis.hgetall(this.base(month));
    return stored.asOf ? { month, asOf: stored.asOf, frozenAt: stored.frozenAt, definitionsVersion: stored.definitionsVersion } : undefined;
  }

  async months(): Promise<string[]> {
    return (await this.redis.smembers(`${this.prefix}:report-snapshots`)).sort();
  }

  /** Writes a month's snapshot, all of it or nothing; false when the month was already frozen (the first stands). */
  async freeze(info: SnapshotInfo, hashes: ReadonlyMap<string, ReadonlyMap<string, number>>): Promise<boolean> {
    const base = this.base(info.month);
    await this.redis.watch(base);
    if ((await this.redis.exists(base)) === 1) {
      await this.redis.unwatch();
      return false;
    }
    const transaction = this.redis.multi();
    const suffixes: string[] = [];
    for (const [suffix, fields] of hashes) {
      if (parseCounterSuffix(suffix).month !== info.month || fields.size === 0) continue;
      suffixes.push(suffix);
      transaction.hset(`${base}:${suffix}`, Object.fromEntries([...fields].map(([field, count]) => [field, String(count)])));
    }
    if (suffixes.length > 0) transaction.sadd(`${base}:suffixes`, ...suffixes);
    transaction.hset(base, { asOf: info.asOf, frozenAt: info.frozenAt, definitionsVersion: info.definitionsVersion });
    transaction.sadd(`${this.prefix}:report-snapshots`, info.month);
    return (await transaction.exec()) !== null;
  }

  /** A frozen month's counter hashes of one rollup bucket, for some areas (null: all). */
  async hashes(month: string, bucket: string, areas: readonly string[] | null): Promise<FactCounterHash[]> {
    const base = this.base(month);
    const suffixes = (await this.redis.smembers(`${base}:suffixes`)).filter((suffix) => {
      const parsed = parseCounterSuffix(suffix);
      return parsed.bucket === bucket && (areas === null || areas.includes(parsed.area));
    });
    if (suffixes.length === 0) return [];
    const reading = this.redis.pipeline();
    for (const suffix of suffixes) reading.hgetall(`${base}:${suffix}`);
    const answers = (await reading.exec()) ?? [];
    return suffixes.map((suffix, i) => ({ ...parseCounterSuffix(suffix), fields: answers[i][1] as Record<string, string> }));
  }
}
