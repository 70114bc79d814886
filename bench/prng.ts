/**
 * Seeded randomness for the synthetic workspace: the same seed always yields the same bytes,
 * so two runs (or two machines) benchmark the same library.
 */

/** mulberry32: a small, fast 32-bit PRNG; good enough for synthetic data, never for secrets. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** An exponentially distributed value with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A normally distributed value (Box–Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      const held = items[index] as T;
      items[index] = items[other] as T;
      items[other] = held;
    }
    return items;
  }

  /** A version-4-shaped UUID (what `randomUUID()` issues in the app), from this stream. */
  uuid(): string {
    const hex: string[] = [];
    for (let index = 0; index < 4; index += 1) hex.push(((this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0'));
    const raw = hex.join('');
    const variant = ((parseInt(raw.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-${variant}${raw.slice(17, 20)}-${raw.slice(20, 32)}`;
  }
}

/** Picks items with given weights in O(log n): cumulative table plus binary search. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('items and weights must match');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((weight, index) => {
      sum += weight;
      this.cumulative[index] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] as T;
  }

  /** The share of picks that land on the item at `index`. */
  share(index: number): number {
    const upper = this.cumulative[index] ?? 0;
    const lower = index === 0 ? 0 : (this.cumulative[index - 1] ?? 0);
    return (upper - lower) / this.total;
  }
}

/** Zipf–Mandelbrot weights for ranks 1..n: 1 / (rank + q)^s, as in natural-language word counts. */
export function zipfWeights(n: number, s = 1.0, q = 2.7): number[] {
  return Array.from({ length: n }, (_, index) => 1 / Math.pow(index + 1 + q, s));
}
