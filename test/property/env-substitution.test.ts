import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { substituteString } from "../../src/config/env-substitution.js";
import { propertyRuns } from "./fuzz-settings.js";

const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,6}$/);
/** Literal text that cannot start or end a reference by itself. */
const literal = fc.string({ maxLength: 8 }).map((text) => text.replaceAll("$", "").replaceAll("{", "").replaceAll("}", ""));
/** Any value, including ones that look like references: substitution must not recurse into them. */
const value = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), name.map((n) => `\${${n}}`), fc.constant("$${X}"));

type Piece = { literal: string } | { reference: string } | { escaped: string };
const piece: fc.Arbitrary<Piece> = fc.oneof(
  literal.map((text) => ({ literal: text })),
  name.map((n) => ({ reference: n })),
  name.map((n) => ({ escaped: n })),
);

const template = (pieces: Piece[]) =>
  pieces.map((p) => ("literal" in p ? p.literal : "reference" in p ? `\${${p.reference}}` : `$\${${p.escaped}}`)).join("");

describe("${VAR} substitution", () => {
  it("replaces each set reference by its value verbatim, keeps escapes literal, and never re-substitutes", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.dictionary(name, value), (pieces, env) => {
        const lookup = (key: string) => (Object.hasOwn(env, key) ? env[key] : undefined);
        const expected = pieces
          .map((p) => ("literal" in p ? p.literal : "reference" in p ? (lookup(p.reference) ?? `\${${p.reference}}`) : `\${${p.escaped}}`))
          .join("");
        const result = substituteString(template(pieces), lookup);
        expect(result.text).toBe(expected);
        const references = pieces.filter((p): p is { reference: string } => "reference" in p);
        expect(result.references).toEqual(references.map((p) => ({ name: p.reference, resolved: lookup(p.reference) !== undefined })));
      }),
      propertyRuns(2000),
    );
  });

  it("round-trips: escaping every reference, then substituting under any env, gives the original text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.dictionary(name, value), (pieces, env) => {
        const original = pieces.map((p) => ("literal" in p ? p.literal : `\${${"reference" in p ? p.reference : p.escaped}}`)).join("");
        const escaped = pieces.map((p) => ("literal" in p ? p.literal : `$\${${"reference" in p ? p.reference : p.escaped}}`)).join("");
        expect(substituteString(escaped, (key) => env[key]).text).toBe(original);
      }),
      propertyRuns(2000),
    );
  });

  it("leaves text without '$' untouched, and treats an empty value as unset", () => {
    fc.assert(
      fc.property(fc.string(), name, (text, variable) => {
        fc.pre(!text.includes("$"));
        expect(substituteString(text, () => "x")).toEqual({ text, references: [] });
        expect(substituteString(`\${${variable}}`, () => "")).toEqual({ text: `\${${variable}}`, references: [{ name: variable, resolved: false }] });
      }),
      propertyRuns(1000),
    );
  });
});
