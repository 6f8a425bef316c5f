export type ColorChoice = "auto" | "always" | "never";

/** --color wins; in auto mode NO_COLOR and FORCE_COLOR decide before the TTY check. */
export function shouldUseColor(choice: ColorChoice, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (choice === "always") return true;
  if (choice === "never") return false;
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return !(force === "0" || force === "false");
  return isTTY;
}
