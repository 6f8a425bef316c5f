// Writes a config the way people hand-edit openclaw.json: comments, unquoted
// keys and trailing commas. Such text fails JSON.parse, so it measures the
// JSON5 path of every tool.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const formatKey = (key) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

function writeValue(value, indent, out) {
  if (value === null || typeof value !== "object") {
    out.push(JSON.stringify(value));
    return;
  }
  const entries = Array.isArray(value) ? value.map((item) => [null, item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    out.push(open + close);
    return;
  }
  const inner = `${indent}  `;
  out.push(`${open}\n`);
  for (const [key, item] of entries) {
    out.push(key === null ? inner : `${inner}${formatKey(key)}: `);
    writeValue(item, inner, out);
    out.push(",\n"); // trailing comma after the last entry too
  }
  out.push(indent + close);
}

/** JSON5 text for `config`, with a comment above each top-level section. */
export function toJson5(config, headerComment) {
  const out = [`/* ${headerComment} */\n{\n`];
  for (const [key, value] of Object.entries(config)) {
    out.push(`  // ${key} settings\n  ${formatKey(key)}: `);
    writeValue(value, "  ", out);
    out.push(",\n");
  }
  out.push("}\n");
  return out.join("");
}
