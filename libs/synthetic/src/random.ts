import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

const TWO_TO_32 = 4294967296;

/** murmur3's finaliser: spreads nearby seeds (case 1, case 2…) into unrelated generator states. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The only source of chance in the generator: a seeded xoroshiro128+ (pure-rand) advanced in place.
 * A stream is named by numbers (the run's seed, then e.g. the case's index) so that each case draws
 * from its own sequence and does not depend on how many draws the cases before it made.
 */
export class Random {
  private spareNormal: number | undefined;

  private constructor(private readonly generator: RandomGenerator) {}

  static seeded(seed: number, ...stream: number[]): Random {
    let h = mix32(seed ^ 0x9e3779b9);
    for (const part of stream) h = mix32(h ^ mix32(part + 0x7f4a7c15));
    const state = [mix32(h + 1), mix32(h + 2), mix32(h + 3), mix32(h + 4)];
    if (!state.some((word) => word !== 0)) state[0] = 1;
    return new Random(xoroshiro128plus.fromState(state));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.generator.unsafeNext() >>> 0) / TWO_TO_32;
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Uniform integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Standard normal (Box–Muller, the second value of each pair kept for the next call). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const u = 1 - this.float();
    const v = this.float();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  bytes(size: number): Uint8Array {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i += 4) {
      const word = this.generator.unsafeNext();
      for (let j = 0; j < 4 && i + j < size; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }
}
