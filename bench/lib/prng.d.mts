// Types for the linear-growth test, which builds its inputs with the bench's generator.
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  shuffle<T>(items: T[]): T[];
  hex(length: number): string;
}
export function createRng(seed: number): Rng;
