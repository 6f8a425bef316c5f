// Which before/after pairs the bench measures. The gateway baseline and the
// peers parse with the json5 package (~10 MB/s here), so the 50,000-agent
// size, and the JSON5/$include variants, run a representative subset of the
// edits to keep the whole bench inside its ten-minute budget.
export const SIZES = [10, 1_000, 10_000, 50_000];
const QUICK_SIZES = [10, 1_000, 10_000];
const UP_TO_10K = SIZES.filter((size) => size <= 10_000);

export const FORMATS = {
  json: "strict JSON, 2-space indent (what OpenClaw's writer produces)",
  json5: "JSON5: comments, unquoted keys, trailing commas",
  include: "JSON5 with the agents block split out via { $include: './agents.json5' }",
};

const SERIES = [
  { format: "json", edit: "one-leaf", sizes: SIZES },
  { format: "json", edit: "one-percent", sizes: UP_TO_10K },
  { format: "json", edit: "half", sizes: SIZES },
  { format: "json", edit: "array-element", sizes: UP_TO_10K },
  { format: "json", edit: "array-reorder", sizes: SIZES },
  { format: "json5", edit: "one-leaf", sizes: SIZES },
  // The edit lives only in the included file, so a tool that ignores
  // $include reports no change and the bench can tell. The gateway refuses
  // included files over 2 MiB, so this series stops at 1,000 agents.
  { format: "include", edit: "array-element", sizes: [10, 1_000] },
];

export const isQuick = () => process.env.BENCH_QUICK === "1";

export function listCases({ quick = isQuick() } = {}) {
  const allowed = new Set(quick ? QUICK_SIZES : SIZES);
  return SERIES.flatMap(({ format, edit, sizes }) =>
    sizes.filter((size) => allowed.has(size)).map((size) => ({ id: `${size}-${edit}-${format}`, size, edit, format })),
  );
}
