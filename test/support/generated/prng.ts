import { mulberry32 } from "../../../emulator/faults";

/**
 * The generated-program tests' randomness: the emulator's mulberry32 (the same sequence for a seed on
 * every platform), with the few draws the generators need. Nothing here may call Math.random: a seed
 * must replay exactly.
 */
export class Prng {
  readonly #next: () => number;
  #counter = 0;

  constructor(readonly seed: number) {
    this.#next = mulberry32(seed);
  }

  /** In [0, 1). */
  float(): number {
    return this.#next();
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.#next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.#next() * items.length)] as T;
  }

  /** A random subset in the list's order, at least `min` long. */
  subset<T>(items: readonly T[], min = 0): T[] {
    const out = items.filter(() => this.chance(0.5));
    while (out.length < min) {
      const missing = items.filter((x) => !out.includes(x));
      out.push(this.pick(missing));
    }
    return items.filter((x) => out.includes(x));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** A number never handed out before in this run: natural keys made from it never collide. */
  unique(): number {
    return ++this.#counter;
  }
}
