import type { Rng } from "./prng.mjs";
export type EditName = "one-leaf" | "one-percent" | "half" | "array-element" | "array-reorder";
export const EDITS: Record<EditName, { describe: string; apply(config: Record<string, unknown>, rng: Rng): void }>;
