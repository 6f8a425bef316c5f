import type { Argument, Command, Option } from "commander";

/**
 * Shell completion scripts generated from the commander program itself, so
 * a command or option added anywhere shows up in completions without a
 * second list to keep in sync.
 */
export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

interface OptionSpec {
  long?: string;
  short?: string;
  description: string;
  takesValue: boolean;
  choices: string[];
  /** Whether the value names a file (judged from its placeholder, e.g. `<file>`, `<relpath>`). */
  completesFiles: boolean;
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Choices of the first positional argument (e.g. the shell names), else files. */
  argumentChoices: string[];
}

interface ProgramSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
}

const HELP_OPTION: OptionSpec = { long: "--help", short: "-h", description: "display help", takesValue: false, choices: [], completesFiles: false };
const FILE_PLACEHOLDER = /<[^>]*(file|path|dir|catalog|rules)[^>]*>/i;

function describeOption(option: Option): OptionSpec {
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
    completesFiles: FILE_PLACEHOLDER.test(option.flags),
  };
}

const visibleOptions = (command: Command) => command.options.filter((option) => !option.hidden).map(describeOption);

export function describeProgram(program: Command): ProgramSpec {
  return {
    name: program.name(),
    options: [...visibleOptions(program), HELP_OPTION],
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: command.description(),
      options: [...visibleOptions(command), HELP_OPTION],
      argumentChoices: (command.registeredArguments[0] as Argument | undefined)?.argChoices ?? [],
    })),
  };
}

const flagsOf = (option: OptionSpec) => [option.short, option.long].filter((flag): flag is string => flag !== undefined);
const words = (list: readonly string[]) => list.join(" ");
const functionName = (spec: ProgramSpec) => `_${spec.name.replace(/[^A-Za-z0-9_]/g, "_")}`;

function bashValueCases(options: OptionSpec[], indent: string): string {
  const lines = options
    .filter((option) => option.takesValue)
    .map((option) => {
      const reply = option.choices.length > 0 ? `($(compgen -W "${words(option.choices)}" -- "$cur"))` : option.completesFiles ? `($(compgen -f -- "$cur"))` : "()";
      return `${indent}  ${flagsOf(option).join("|")}) COMPREPLY=${reply}; return ;;`;
    });
  return lines.length > 0 ? `${indent}case "$prev" in\n${lines.join("\n")}\n${indent}esac` : "";
}

function renderBash(spec: ProgramSpec): string {
  const names = spec.commands.map((command) => command.name);
  const commandCases = spec.commands.map((command) => {
    const flags = command.options.flatMap(flagsOf);
    const positional = command.argumentChoices.length > 0 ? `compgen -W "${words(command.argumentChoices)}" -- "$cur"` : `compgen -f -- "$cur"`;
    return [
      `    ${command.name})`,
      bashValueCases(command.options, "      "),
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(flags)}" -- "$cur")); else COMPREPLY=($(${positional})); fi`,
      "      ;;",
    ]
      .filter((line) => line !== "")
      .join("\n");
  });
  const fn = functionName(spec);
  return `# bash completion for ${spec.name}. Load it with: source <(${spec.name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${names.join("|")}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
${commandCases.join("\n")}
    *)
${bashValueCases([...spec.options, ...(spec.commands[0]?.options ?? [])], "      ")}
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(spec.options.flatMap(flagsOf))}" -- "$cur"))
      else COMPREPLY=($(compgen -W "${words(names)}" -- "$cur") $(compgen -f -- "$cur")); fi
      ;;
  esac
}
complete -o filenames -F ${fn} ${spec.name}
`;
}

/** Text safe inside a single-quoted zsh `_arguments` spec. */
const zshText = (text: string) => text.replace(/([[\]:\\])/g, "\\$1").replace(/'/g, "'\\''");

function zshOptionSpecs(options: OptionSpec[]): string[] {
  return options.map((option) => {
    const flags = flagsOf(option);
    const action = !option.takesValue ? "" : option.choices.length > 0 ? `:value:(${words(option.choices)})` : option.completesFiles ? ":value:_files" : ":value: ";
    const spec = `[${zshText(option.description)}]${action}`;
    if (flags.length === 1) return `'${flags[0]}${spec}'`;
    return `'(${words(flags)})'{${flags.join(",")}}'${spec}'`;
  });
}

function renderZsh(spec: ProgramSpec): string {
  const fn = functionName(spec);
  const commandList = spec.commands.map((command) => `    '${zshText(command.name)}:${command.description.replace(/'/g, "'\\''")}'`);
  const commandCases = spec.commands.map((command) => {
    const positional = command.argumentChoices.length > 0 ? `'1:${command.name}:(${words(command.argumentChoices)})'` : "'*:file:_files'";
    return `        ${command.name})\n          _arguments -s ${[...zshOptionSpecs(command.options), positional].join(" ")}\n          ;;`;
  });
  return `#compdef ${spec.name}
# zsh completion for ${spec.name}. Load it with: source <(${spec.name} completion zsh)
# or save it as _${spec.name} in a directory on $fpath.
${fn}() {
  local -a commands
  commands=(
${commandList.join("\n")}
  )
  local context state line
  _arguments -C ${zshOptionSpecs(spec.options).join(" ")} '1: :->command' '*:: :->args'
  case $state in
    command)
      _describe -t commands '${spec.name} command' commands
      _files
      ;;
    args)
      case $line[1] in
${commandCases.join("\n")}
        *)
          _files
          ;;
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.name}
fi
`;
}

const fishText = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fishOptionLines(name: string, condition: string, options: OptionSpec[]): string[] {
  return options.map((option) => {
    const parts = [`complete -c ${name} -n ${fishText(condition)}`];
    if (option.short) parts.push(`-s ${option.short.replace(/^-/, "")}`);
    if (option.long) parts.push(`-l ${option.long.replace(/^--/, "")}`);
    if (option.takesValue) parts.push(option.choices.length > 0 ? `-x -a ${fishText(words(option.choices))}` : option.completesFiles ? "-r -F" : "-x");
    parts.push(`-d ${fishText(option.description)}`);
    return parts.join(" ");
  });
}

function renderFish(spec: ProgramSpec): string {
  const lines = [`# fish completion for ${spec.name}. Load it with: ${spec.name} completion fish | source`];
  lines.push(...fishOptionLines(spec.name, "__fish_use_subcommand", spec.options));
  for (const command of spec.commands) {
    lines.push(`complete -c ${spec.name} -n __fish_use_subcommand -a ${command.name} -d ${fishText(command.description)}`);
  }
  for (const command of spec.commands) {
    const condition = `__fish_seen_subcommand_from ${command.name}`;
    lines.push(...fishOptionLines(spec.name, condition, command.options));
    if (command.argumentChoices.length > 0) lines.push(`complete -c ${spec.name} -n ${fishText(condition)} -f -a ${fishText(words(command.argumentChoices))}`);
  }
  return `${lines.join("\n")}\n`;
}

const RENDERERS: Record<CompletionShell, (spec: ProgramSpec) => string> = { bash: renderBash, zsh: renderZsh, fish: renderFish };

export function renderCompletion(shell: CompletionShell, program: Command): string {
  return RENDERERS[shell](describeProgram(program));
}
