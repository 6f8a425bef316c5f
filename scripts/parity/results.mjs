// test/parity/RESULTS.md from a sweep's rows.

/**
 * The diff eras of issue 14, for grouping only (each row also shows what its
 * reloader really calls, so a version in the wrong era stands out).
 */
export function eraOf(version) {
  const match = /^2026\.(\d+)\.(\d+)/.exec(version);
  if (!match) return "?";
  const [month, day] = [Number(match[1]), Number(match[2])];
  if (month === 1 || (month === 2 && day <= 21)) return "E1";
  if (month === 9 && day >= 2) return "E4";
  if ((month === 7 && day === 2) || month === 8 || (month === 9 && day === 1)) return "E3";
  return "E2";
}

const percent = (part, whole) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);
const cell = (text) => String(text).replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (text) => `\`${cell(text).replaceAll("`", "'")}\``;
const json = (value) => JSON.stringify(value);

/** The expression the reloader computes its config paths with. */
function configDiffCall(row) {
  const glue = row.reloader.glue;
  return glue.configChangedPaths ?? glue.changedPaths ?? Object.values(glue)[0];
}

function sum(rows, key) {
  return rows.reduce((total, row) => total + (row[key] ?? 0), 0);
}

function excludedText(excluded) {
  const entries = Object.entries(excluded ?? {});
  return entries.length === 0 ? "0" : entries.map(([reason, count]) => `${count} (${reason})`).join("; ");
}

function eraTable(rows) {
  const lines = ["| era | versions | pairs compared | agree | changed paths (as sets) | changed paths (in order) | decision | excluded | reloader's config diff |", "|---|---|---|---|---|---|---|---|---|"];
  for (const era of ["E1", "E2", "E3", "E4"]) {
    const inEra = rows.filter((row) => row.era === era && !row.error);
    if (inEra.length === 0) continue;
    const compared = sum(inEra, "compared");
    const calls = [...new Set(inEra.map(configDiffCall))].map(code).join("<br>");
    const excluded = inEra.reduce((total, row) => total + row.pairs - row.compared, 0);
    lines.push(`| ${era} | ${inEra.length} (${inEra[0].version} … ${inEra[inEra.length - 1].version}) | ${compared} | ${percent(sum(inEra, "agreeing"), compared)} | ${percent(sum(inEra, "pathsSet"), compared)} | ${percent(sum(inEra, "pathsOrder"), compared)} | ${percent(sum(inEra, "decision"), compared)} | ${excluded} | ${calls} |`);
  }
  return lines.join("\n");
}

function versionTable(rows) {
  const lines = ["| version | era | catalog (resolution) | compared | agree | paths | decision | differing fields | excluded | reloader |", "|---|---|---|---|---|---|---|---|---|---|"];
  for (const row of rows) {
    if (row.error) {
      lines.push(`| ${row.version} | ${row.era} | | | | | | | | **failed**: ${cell(row.error)} |`);
      continue;
    }
    const fields = Object.entries(row.fields).sort((a, b) => b[1] - a[1]).map(([field, count]) => `${field} ${count}`).join(", ");
    lines.push(`| ${row.version} | ${row.era} | ${row.catalog.id} (${row.catalog.resolution}) | ${row.compared} | ${percent(row.agreeing, row.compared)} | ${percent(row.pathsSet, row.compared)} | ${percent(row.decision, row.compared)} | ${fields} | ${cell(excludedText(row.excluded))} | ${code(`${row.reloader.file}:${row.reloader.line}`)} ${code(configDiffCall(row))}${row.warning ? ` (${cell(row.warning.slice(0, 100))})` : ""} |`);
  }
  return lines.join("\n");
}

function examples(rows, perEra) {
  const out = [];
  for (const era of ["E1", "E2", "E3", "E4"]) {
    const seen = new Set();
    const picked = [];
    for (const row of rows.filter((r) => r.era === era && !r.error)) {
      for (const example of row.examples) {
        if (picked.length >= perEra || seen.has(example.label)) continue;
        seen.add(example.label);
        picked.push({ version: row.version, ...example });
      }
    }
    if (picked.length === 0) continue;
    out.push(`### ${era}`, "");
    for (const example of picked) {
      out.push(`- openclaw@${example.version}, ${cell(example.label)} (${example.differs.join(", ")}): ${code(json(example.before))} → ${code(json(example.after))}`);
      const describe = (plan) => (plan.error ? plan.error : `${json(plan.changedPaths)}, restart ${json(plan.restartReasons)}, hot ${json(plan.hotReasons)}, none ${json(plan.noopPaths)}, actions ${json(plan.actions)}${plan.unmodeled?.length ? `, unmodeled ${json(plan.unmodeled)}` : ""}`);
      out.push(`  - real: ${code(describe(example.real))}`, `  - clawdiff: ${code(describe(example.clawdiff))}`);
    }
    out.push("");
  }
  return out.join("\n");
}

function standIns(rows) {
  const byLabels = new Map();
  for (const row of rows) {
    const key = (row.stringStubs ?? []).join(", ");
    if (key) byLabels.set(key, [...(byLabels.get(key) ?? []), row.version]);
  }
  if (byLabels.size === 0) return "None.";
  return [...byLabels].map(([labels, versions]) => `- ${versions.length} version(s) (${versions[0]} … ${versions[versions.length - 1]}): ${code(labels)}`).join("\n");
}

export function renderResults(summary) {
  const rows = summary.rows;
  const ok = rows.filter((row) => !row.error);
  const exclusions = {};
  for (const row of ok) for (const [reason, count] of Object.entries(row.excluded)) exclusions[reason] = (exclusions[reason] ?? 0) + count;
  return [
    "# Parity with OpenClaw's own reloader",
    "",
    `Generated by \`node scripts/parity-sweep.mjs\` (\`npm run test:parity\`) on ${summary.generatedAt}: ${ok.length} version(s), ${summary.pairsPerVersion} pairs each, ${summary.seconds} s. How it works and how to rerun it: [README.md](README.md).`,
    "",
    "A pair agrees when the changed paths (same order), restart / hot / none reasons, actions and restarted channels are all identical.",
    "",
    "## By era",
    "",
    eraTable(ok),
    "",
    "## Exclusions",
    "",
    Object.keys(exclusions).length === 0 ? "None: no evaluation touched a stub and the real code never threw." : Object.entries(exclusions).map(([reason, count]) => `- ${count} pairs: ${reason}`).join("\n"),
    "",
    "## Stubs handed out as strings while loading",
    "",
    "Module code that needs a stub's value as a string at load time (e.g. a temp dir given to `path.join`) gets a marker path instead; the oracle is restarted with it. Such a value is no longer a recording stub, so it is listed here:",
    "",
    standIns(ok),
    "",
    "## Disagreements (examples)",
    "",
    examples(ok, 8) || "None.",
    "## By version",
    "",
    versionTable(rows),
    "",
  ].join("\n");
}
