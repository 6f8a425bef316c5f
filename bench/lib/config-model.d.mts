import type { Rng } from "./prng.mjs";
export function sectionSizes(agentCount: number): { accountsPerChannel: number; providers: number; modelsPerProvider: number; plugins: number };
export function buildConfig(agentCount: number, rng: Rng): Record<string, unknown>;
