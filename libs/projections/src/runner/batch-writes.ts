import type { ChainableCommander } from 'ioredis';

/**
 * Adds to several fields of each hash named in KEYS. ARGV[1] is a JSON array with, for each key in
 * turn, its fields and increments one after the other: one argument rather than two per field,
 * which ioredis would each frame as a string of its own.
 */
export const HASH_INCREMENTS_SCRIPT = `local increments = cjson.decode(ARGV[1])
for k, key in ipairs(KEYS) do
  local fields = increments[k]
  for i = 1, #fields, 2 do redis.call('HINCRBY', key, fields[i], fields[i + 1]) end
end`;

const utf8 = new TextEncoder();

/**
 * A value as the UTF-8 bytes Redis stores of it. ioredis writes a string argument with
 * Buffer.byteLength and the socket's own UTF-8 encoding, which on Node 20 cost about 20 ns a byte
 * for a batch's readings (TextEncoder, over a flat string, about a twentieth of that); a Buffer it
 * copies as it is. The bytes stored are the same.
 */
function bytesOf(value: string): Buffer {
  const encoded = utf8.encode(value);
  return Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}

/** What a member or field is left as: removed, or its score or value. */
const GONE = null;

function entriesOf<V>(byKey: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let entries = byKey.get(key);
  if (entries === undefined) byKey.set(key, (entries = new Map()));
  return entries;
}

/** What a `BatchWrites` gathered, per kind of value, key and member or field (null: removed). */
export interface BatchWriteParts {
  strings: ReadonlyMap<string, string>;
  sets: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
  sortedSets: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  hashes: ReadonlyMap<string, ReadonlyMap<string, string | null>>;
  hashesIfAbsent: ReadonlyMap<string, ReadonlyMap<string, string>>;
  counters: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * A batch's writes gathered per key, and sent as few commands as give the same end state: one MSET
 * for every string, per set one SADD and one SREM, per sorted set one ZADD and one ZREM, per hash
 * one HSET and one HDEL, and every counter in one script. A batch of cases writes the same
 * worklist sets, finder sets and counter hashes over and over; each command costs the client a
 * command object, a queued reply and its share of the MULTI, which was most of a catch-up's time
 * in Redis writes.
 *
 * The end state is the one the same calls would leave sent one by one, in order: for each key and
 * member (or field) only the last call counts (a member added then removed is removed; a score or
 * value set twice keeps the second), increments add up, and HSETNX keeps the first value unless
 * the field is set or deleted too. Commands on different members of a key commute, so their order
 * within the batch does not matter. A key holds one kind of value, as in Redis: a hash is either
 * counted (`hincrby`) or set (`hset`, `hdel`, `hsetnx`), never both in one batch.
 */
export class BatchWrites {
  private readonly strings = new Map<string, string>();
  private readonly sets = new Map<string, Map<string, boolean>>();
  private readonly sortedSets = new Map<string, Map<string, number | typeof GONE>>();
  private readonly hashes = new Map<string, Map<string, string | typeof GONE>>();
  private readonly hashesIfAbsent = new Map<string, Map<string, string>>();
  private readonly counters = new Map<string, Map<string, number>>();

  set(key: string, value: string): this {
    this.strings.set(key, value);
    return this;
  }

  sadd(key: string, member: string): this {
    entriesOf(this.sets, key).set(member, true);
    return this;
  }

  srem(key: string, member: string): this {
    entriesOf(this.sets, key).set(member, false);
    return this;
  }

  zadd(key: string, score: number, member: string): this {
    entriesOf(this.sortedSets, key).set(member, score);
    return this;
  }

  zrem(key: string, member: string): this {
    entriesOf(this.sortedSets, key).set(member, GONE);
    return this;
  }

  hset(key: string, field: string, value: string): this {
    entriesOf(this.hashes, key).set(field, value);
    this.hashesIfAbsent.get(key)?.delete(field);
    return this;
  }

  hdel(key: string, field: string): this {
    entriesOf(this.hashes, key).set(field, GONE);
    this.hashesIfAbsent.get(key)?.delete(field);
    return this;
  }

  /** Sets the field unless it holds a value already (in Redis, or set earlier in the batch). */
  hsetnx(key: string, field: string, value: string): this {
    const set = this.hashes.get(key);
    if (set?.has(field)) {
      if (set.get(field) === GONE) set.set(field, value);
      return this;
    }
    const ifAbsent = entriesOf(this.hashesIfAbsent, key);
    if (!ifAbsent.has(field)) ifAbsent.set(field, value);
    return this;
  }

  hincrby(key: string, field: string, increment: number): this {
    const counts = entriesOf(this.counters, key);
    counts.set(field, (counts.get(field) ?? 0) + increment);
    return this;
  }

  /** The writes gathered, as plain maps that a thread can post to another (structured clone). */
  parts(): BatchWriteParts {
    const { strings, sets, sortedSets, hashes, hashesIfAbsent, counters } = this;
    return { strings, sets, sortedSets, hashes, hashesIfAbsent, counters };
  }

  /** Adds writes gathered by another `BatchWrites` (another thread's), as if its calls were made after this one's. */
  add(parts: BatchWriteParts): this {
    for (const [key, value] of parts.strings) this.set(key, value);
    for (const [key, members] of parts.sets) for (const [member, present] of members) (present ? this.sadd(key, member) : this.srem(key, member));
    for (const [key, members] of parts.sortedSets) for (const [member, score] of members) (score === GONE ? this.zrem(key, member) : this.zadd(key, score, member));
    for (const [key, fields] of parts.hashes) for (const [field, value] of fields) (value === GONE ? this.hdel(key, field) : this.hset(key, field, value));
    for (const [key, fields] of parts.hashesIfAbsent) for (const [field, value] of fields) this.hsetnx(key, field, value);
    for (const [key, counts] of parts.counters) for (const [field, increment] of counts) this.hincrby(key, field, increment);
    return this;
  }

  /** Queues the writes on `transaction`. */
  sendInto(transaction: ChainableCommander): void {
    for (const key of this.counters.keys()) {
      if (this.hashes.has(key) || this.hashesIfAbsent.has(key)) throw new Error(`${key} is both counted and set in one batch`);
    }
    if (this.strings.size > 0) transaction.mset([...this.strings].flatMap(([key, value]) => [key, bytesOf(value)]));
    for (const [key, members] of this.sets) {
      const added: string[] = [];
      const removed: string[] = [];
      for (const [member, present] of members) (present ? added : removed).push(member);
      if (added.length > 0) transaction.sadd(key, added);
      if (removed.length > 0) transaction.srem(key, removed);
    }
    for (const [key, members] of this.sortedSets) {
      const added: Array<number | string> = [];
      const removed: string[] = [];
      for (const [member, score] of members) {
        if (score === GONE) removed.push(member);
        else added.push(score, member);
      }
      if (added.length > 0) transaction.zadd(key, ...added);
      if (removed.length > 0) transaction.zrem(key, removed);
    }
    for (const [key, fields] of this.hashes) {
      const set: Array<string | Buffer> = [];
      const deleted: string[] = [];
      for (const [field, value] of fields) {
        if (value === GONE) deleted.push(field);
        else set.push(field, bytesOf(value));
      }
      if (set.length > 0) transaction.hset(key, ...set); // spread: an array alone would be read as an object
      if (deleted.length > 0) transaction.hdel(key, ...deleted);
    }
    for (const [key, fields] of this.hashesIfAbsent) for (const [field, value] of fields) transaction.hsetnx(key, field, value);
    if (this.counters.size > 0) {
      const increments: Array<Array<string | number>> = [];
      for (const counts of this.counters.values()) {
        const fields: Array<string | number> = [];
        for (const [field, increment] of counts) fields.push(field, increment);
        increments.push(fields);
      }
      transaction.eval(HASH_INCREMENTS_SCRIPT, this.counters.size, ...this.counters.keys(), JSON.stringify(increments));
    }
  }
}
