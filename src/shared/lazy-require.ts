import { createRequire } from "node:module";

const requireHere = createRequire(import.meta.url);

/**
 * Loads a dependency on first use. ajv and acorn are half of the CLI's code
 * but only some runs need them (user-supplied catalogs, ignore files,
 * `rules import`); the bundle leaves them out so a plain diff starts fast.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(name) as T);
}
