import { join, resolve } from "node:path";
import { Option, type Command } from "commander";
import { diffCatalogs } from "../../rules/catalog-diff.js";
import { explainPath } from "../../rules/explain-path.js";
import { importCatalog, parsePluginChoice } from "../../rules/import/import-catalog.js";
import { listBundledCatalogs, loadCatalog } from "../../sources/catalog-store.js";
import { openPackage } from "../../sources/package-reader.js";
import { writeOutputFile } from "../../sources/output-file.js";
import { compareVersions } from "../../rules/versions.js";
import type { CommandContext } from "../context.js";
import { renderCatalog, renderCatalogDiff, renderCatalogList, renderExplanation } from "./rules-render.js";

type FormatOption = { format: "text" | "json" };
const collect = (value: string, previous: string[]) => [...previous, value];
const formatOption = () => new Option("--format <format>", "output format").choices(["text", "json"]).default("text");

export function registerRules(program: Command, { io }: CommandContext): void {
  const rules = program.command("rules").description("rule catalogs: import them from OpenClaw packages, list, show and compare them");
  const print = (json: unknown, text: string, format: string) => io.stdout(format === "json" ? `${JSON.stringify(json, null, 2)}\n` : text);

  rules
    .command("import")
    .description("read an OpenClaw package (npm pack output: .tgz or unpacked dir) without running it and write its rule catalog")
    .argument("<package>", "unpacked package directory or .tgz")
    .option("-o, --output <file>", "write the catalog here instead of stdout")
    .option("--force", "replace an existing output file (never an input)")
    .option("--plugins <ids>", "bundled plugins/channels to load: none (base rules), all, or a comma list", "none")
    .action((location: string, options: { output?: string; plugins?: string; force?: boolean }) => {
      const files = openPackage(resolve(io.cwd, location));
      const { catalog } = importCatalog(files, { plugins: parsePluginChoice(options.plugins) });
      const text = `${JSON.stringify({ $schema: "../catalog.schema.json", ...catalog }, null, 2)}\n`;
      // An unpacked package's files are inputs too, at the directory or its package/ folder.
      const inputs = [location, ...files.paths.flatMap((path) => [join(location, path), join(location, "package", path)])];
      if (options.output) writeOutputFile(options.output, text, { cwd: io.cwd, inputs, force: options.force ?? false });
      else io.stdout(text);
    });

  rules
    .command("list")
    .description("bundled catalogs and the OpenClaw versions each covers")
    .addOption(formatOption())
    .action((options: FormatOption) => {
      const entries = listBundledCatalogs().sort((a, b) => compareVersions(a.openclawVersion, b.openclawVersion));
      print(entries.map(({ file: _file, ...entry }) => entry), renderCatalogList(entries), options.format);
    });

  rules
    .command("show")
    .description("a catalog's rules, or which rule decides a path and why")
    .argument("<catalog>", "openclaw@<version>, latest, or a catalog file")
    .option("--path <path>", "explain this changed path (repeatable)", collect, [])
    .addOption(formatOption())
    .action((spec: string, options: FormatOption & { path: string[] }) => {
      const loaded = loadCatalog(spec, io.cwd);
      const resolution = `${loaded.resolution} for ${loaded.requested}`;
      if (options.path.length === 0) {
        print({ resolution: loaded.resolution, catalog: loaded.catalog }, renderCatalog(loaded.catalog, resolution), options.format);
        return;
      }
      const explanations = options.path.map((path) => explainPath(loaded.catalog, path));
      print({ catalog: loaded.catalog.id, resolution: loaded.resolution, explanations }, `${loaded.catalog.id} (${resolution})\n${explanations.map(renderExplanation).join("")}`, options.format);
    });

  rules
    .command("diff")
    .description("rules added, removed and changed between two catalogs, and the paths whose class changes")
    .argument("<from>", "catalog A")
    .argument("<to>", "catalog B")
    .addOption(formatOption())
    .action((from: string, to: string, options: FormatOption) => {
      const diff = diffCatalogs(loadCatalog(from, io.cwd).catalog, loadCatalog(to, io.cwd).catalog);
      print(diff, renderCatalogDiff(diff), options.format);
    });
}
