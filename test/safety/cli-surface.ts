import { runInProcess } from "../helpers/run-cli.js";

/** One command as its --help describes it: the program is the registry, so new commands are covered when they land. */
export interface CommandSurface {
  /** The words that name it: ["diff"], ["rules", "show"]. */
  path: string[];
  name: string;
  /** Positional argument names from the usage line, `...` kept for variadic ones. */
  args: string[];
  formats: string[];
  options: string[];
}

const help = async (path: string[]) => (await runInProcess([...path, "--help"])).stdout;

function subcommandNames(text: string): string[] {
  const at = text.indexOf("Commands:");
  if (at === -1) return [];
  return [...text.slice(at).matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!).filter((name) => name !== "help");
}

function describeCommand(path: string[], text: string): CommandSurface {
  const usage = /^Usage: clawdiff (.*)$/m.exec(text)?.[1]?.slice(path.join(" ").length) ?? "";
  const args = [...usage.matchAll(/[<[]([\w-]+(?:\.\.\.)?)[>\]]/g)].map((match) => match[1]!).filter((arg) => arg !== "options");
  const formatChoices = /--format <format>[\s\S]*?\(choices: ([^)]*?)(?:, default|\))/.exec(text)?.[1] ?? "";
  const formats = [...formatChoices.matchAll(/"([\w-]+)"/g)].map((match) => match[1]!);
  const options = [...text.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!);
  return { path, name: path.join(" "), args, formats, options };
}

/** Every leaf command, with command groups (`rules list`, `rules show`, ...) expanded. */
export async function discoverCommands(path: string[] = []): Promise<CommandSurface[]> {
  const text = await help(path);
  const children = subcommandNames(text);
  if (path.length > 0 && children.length === 0) return [describeCommand(path, text)];
  const nested = await Promise.all(children.map((child) => discoverCommands([...path, child])));
  return nested.flat();
}
