import type { Redis } from 'ioredis';

export interface MergedPageQuery {
  offset: number;
  limit: number;
  /** Highest score first (newest first), rather than lowest. */
  descending?: boolean;
  /** Only members scored at most this (ascending pages). */
  maxScore?: string;
  /** Only members scored at least this (`(` before it: above it). */
  minScore?: string;
}

/**
 * One page of members across several sorted sets, in score order (ties by member): each set gives
 * at most offset + limit, and the total counts every set's members in range. One round trip.
 */
export async function mergedPage(redis: Redis, indexes: readonly string[], query: MergedPageQuery): Promise<{ total: number; ids: string[] }> {
  const [low, high] = [query.minScore ?? '-inf', query.maxScore ?? '+inf'];
  const reading = redis.pipeline();
  for (const index of indexes) {
    reading.zcount(index, low, high);
    if (query.descending) reading.zrange(index, high, low, 'BYSCORE', 'REV', 'LIMIT', 0, query.offset + query.limit, 'WITHSCORES');
    else reading.zrange(index, low, high, 'BYSCORE', 'LIMIT', 0, query.offset + query.limit, 'WITHSCORES');
  }
  const answers = indexes.length === 0 ? [] : ((await reading.exec()) ?? []);
  // A pipeline answers each command's failure in place (Redis away: every one); the first is the page's.
  const failure = answers.find(([error]) => error)?.[0];
  if (failure) throw failure;
  let total = 0;
  const listed: Array<{ id: string; score: number }> = [];
  for (let i = 0; i < answers.length; i += 2) {
    total += Number(answers[i][1]);
    const members = answers[i + 1][1] as string[];
    for (let m = 0; m < members.length; m += 2) listed.push({ id: members[m], score: Number(members[m + 1]) });
  }
  const direction = query.descending ? -1 : 1;
  listed.sort((a, b) => direction * (a.score - b.score || a.id.localeCompare(b.id)));
  return { total, ids: listed.slice(query.offset, query.offset + query.limit).map((entry) => entry.id) };
}
