import { runInProcess } from "../helpers/run-cli.js";

/** One command as its --help describes it: the program is the registry, so new commands are covered when they land. */
export interface CommandSurface {
  name: string;
  /** Positional argument names from the usage line, `...` kept for variadic ones. */
  args: string[];
  formats: string[];
  options: string[];
}

const help = async (args: string[]) => (await runInProcess([...args, "--help"])).stdout;

export async function discoverCommands(): Promise<CommandSurface[]> {
  const top = await help([]);
  const commandsBlock = top.slice(top.indexOf("Commands:"));
  const names = [...commandsBlock.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!).filter((name) => name !== "help");
  return Promise.all(
    names.map(async (name) => {
      const text = await help([name]);
      const usage = /^Usage: clawdiff \S+ (.*)$/m.exec(text)?.[1] ?? "";
      const args = [...usage.matchAll(/[<[]([\w-]+(?:\.\.\.)?)[>\]]/g)].map((match) => match[1]!).filter((arg) => arg !== "options");
      const formatChoices = /--format <format>[\s\S]*?\(choices: ([^)]*?)(?:, default|\))/.exec(text)?.[1] ?? "";
      const formats = [...formatChoices.matchAll(/"([\w-]+)"/g)].map((match) => match[1]!);
      const options = [...text.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!);
      return { name, args, formats, options };
    }),
  );
}
