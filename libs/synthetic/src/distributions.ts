import type { Random } from './random';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** z of the 90th percentile of the standard normal. */
const Z90 = 1.2815515655446004;

/**
 * A right-skewed delay, stated the way boards state handoff times: its median and 90th percentile
 * in days. Drawn log-normal, so most handoffs are quick and a long tail is slow.
 */
export interface Delay {
  medianDays: number;
  p90Days: number;
}

/** A right-skewed quantity (e.g. a custody length in months) by its median and 90th percentile. */
export interface Skewed {
  median: number;
  p90: number;
}

export type Draw = (random: Random) => number;

/** A log-normal draw with the given median and 90th percentile. */
export function logNormalDraw({ median, p90 }: Skewed): Draw {
  if (!(median > 0) || !(p90 >= median)) throw new RangeError(`A skewed draw needs 0 < median <= p90 (got ${median}, ${p90})`);
  const mu = Math.log(median);
  const sigma = Math.log(p90 / median) / Z90;
  return (random) => Math.exp(mu + sigma * random.normal());
}

/** Shares by outcome; they need not sum to 1 (they are normalised), and an outcome left out has none. */
export type Shares<K extends string> = Readonly<Partial<Record<K, number>>>;

export type Choose<K> = (random: Random) => K;

/** A categorical draw over the keys of `shares`, in the object's own key order. */
export function choiceOf<K extends string>(shares: Shares<K>): Choose<K> {
  const keys = Object.keys(shares) as K[];
  const weights = keys.map((key) => shares[key] ?? 0);
  if (weights.some((weight) => !(weight >= 0))) throw new RangeError(`Shares must be non-negative: ${JSON.stringify(shares)}`);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new RangeError(`Shares must not all be zero: ${JSON.stringify(shares)}`);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) cumulative.push((running += weight / total));
  const last = keys.length - 1;
  return (random) => {
    const u = random.float();
    for (let i = 0; i < last; i++) if (u < cumulative[i]) return keys[i];
    return keys[last];
  };
}

/** The share of `key` once `shares` are normalised. */
export function shareOf<K extends string>(shares: Shares<K>, key: K): number {
  const total = (Object.values(shares) as number[]).reduce((sum, weight) => sum + weight, 0);
  return (shares[key] ?? 0) / total;
}

// Profiles are plain data read on every case: each spec is compiled once, on first use.
const delayDraws = new WeakMap<Delay, Draw>();
const skewedDraws = new WeakMap<Skewed, Draw>();
const choices = new WeakMap<object, Choose<string>>();

/** A delay in milliseconds. */
export function drawDelay(random: Random, delay: Delay): number {
  let draw = delayDraws.get(delay);
  if (!draw) {
    const days = logNormalDraw({ median: delay.medianDays, p90: delay.p90Days });
    draw = (r) => days(r) * DAY_MS;
    delayDraws.set(delay, draw);
  }
  return draw(random);
}

export function drawSkewed(random: Random, skewed: Skewed): number {
  let draw = skewedDraws.get(skewed);
  if (!draw) {
    draw = logNormalDraw(skewed);
    skewedDraws.set(skewed, draw);
  }
  return draw(random);
}

export function drawShare<K extends string>(random: Random, shares: Shares<K>): K {
  let choose = choices.get(shares);
  if (!choose) {
    choose = choiceOf(shares);
    choices.set(shares, choose);
  }
  return (choose as Choose<K>)(random);
}
