/** A one-line, length-bounded rendering of a config value for tables. */
export function abbreviateValue(value: unknown, maxLength = 40): string {
  if (value === undefined) return "(absent)";
  let text: string;
  if (Array.isArray(value)) text = value.length === 0 ? "[]" : `[${value.length} item${value.length === 1 ? "" : "s"}]`;
  else if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    text = keys.length === 0 ? "{}" : `{${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", …" : ""}}`;
  } else if (typeof value === "string") text = JSON.stringify(value);
  else text = String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
