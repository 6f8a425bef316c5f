import { Chalk, type ChalkInstance } from "chalk";

export type Palette = ChalkInstance;

/** Colour is decided once by the CLI (TTY, NO_COLOR, FORCE_COLOR, --color) and passed down. */
export function createPalette(enabled: boolean): Palette {
  return new Chalk({ level: enabled ? 1 : 0 });
}
