import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { renderJunit } from "../../src/report/formats/junit.js";
import { xmlAttribute, xmlText } from "../../src/report/formats/xml-text.js";
import { agentsCreate, reportFor, withProposedHot, withSuppressed } from "./formats-report.js";

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Child element names in order, space-separated: lets a JSON schema check XSD sequences with a pattern. */
  sequence: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A strict reader for the XML subset clawdiff writes; anything malformed throws. */
function parseXml(source: string): XmlNode {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${at}: ${JSON.stringify(source.slice(at, at + 30))}`);
  };
  const decode = (raw: string) =>
    raw.replace(/&([^;]*);|&|</g, (match, entity: string | undefined) => {
      if (match === "<" || entity === undefined) return fail(`bare ${match}`);
      if (ENTITIES[entity]) return ENTITIES[entity];
      const code = /^#x([0-9a-f]+)$/i.exec(entity)?.[1] ?? /^#(\d+)$/.exec(entity)?.[1];
      if (code === undefined) return fail(`unknown entity &${entity};`);
      return String.fromCodePoint(parseInt(code, entity.startsWith("#x") ? 16 : 10));
    });
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(source);
  if (!declaration) fail("missing XML declaration");
  at = declaration![0].length;
  const element = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/.exec(source.slice(at));
    if (!open) return fail("expected an element");
    at += open[0].length;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of open[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      if (Object.hasOwn(attributes, key!)) fail(`duplicate attribute ${key}`);
      attributes[key!] = decode(value!);
    }
    const node: XmlNode = { name: open[1]!, attributes, children: [], sequence: "", text: "" };
    if (open[3] === "/") return node;
    for (;;) {
      const textEnd = source.indexOf("<", at);
      if (textEnd === -1) fail("unclosed element");
      node.text += decode(source.slice(at, textEnd));
      at = textEnd;
      if (source.startsWith(`</${node.name}>`, at)) {
        at += node.name.length + 3;
        node.sequence = node.children.map((child) => child.name).join(" ");
        return node;
      }
      node.children.push(element());
    }
  };
  const root = element();
  if (source.slice(at) !== "\n") fail("content after the root element");
  return root;
}

/**
 * schemas/vendor/junit-windyroad.xsd transcribed as a JSON schema of the
 * parsed tree: the same elements, order and occurrences (`sequence`),
 * required and allowed attributes, and attribute types.
 */
const INT = { type: "string", pattern: "^[+-]?\\d+$" };
const DECIMAL = { type: "string", pattern: "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$" };
const TOKEN = { type: "string", minLength: 1 };
const elementOnly = { type: "string", pattern: "^\\s*$" };
const leaf = (name: string, attributes: object, required: string[]) => ({
  type: "object",
  properties: { name: { const: name }, attributes: { type: "object", properties: attributes, required, additionalProperties: false }, sequence: { const: "" } },
});
const junitXsd = {
  type: "object",
  properties: {
    name: { const: "testsuites" },
    attributes: { type: "object", maxProperties: 0 },
    text: elementOnly,
    sequence: { type: "string", pattern: "^(testsuite( testsuite)*)?$" },
    children: { type: "array", items: { $ref: "#/definitions/testsuite" } },
  },
  definitions: {
    testsuite: {
      type: "object",
      properties: {
        name: { const: "testsuite" },
        attributes: {
          type: "object",
          properties: {
            name: TOKEN,
            timestamp: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$" },
            hostname: TOKEN,
            tests: INT,
            failures: INT,
            errors: INT,
            skipped: INT,
            time: DECIMAL,
            package: TOKEN,
            id: INT,
          },
          required: ["name", "timestamp", "hostname", "tests", "failures", "errors", "time", "package", "id"],
          additionalProperties: false,
        },
        text: elementOnly,
        sequence: { type: "string", pattern: "^properties( testcase)* system-out system-err$" },
        children: {
          type: "array",
          items: { anyOf: [{ $ref: "#/definitions/properties" }, { $ref: "#/definitions/testcase" }, leaf("system-out", {}, []), leaf("system-err", {}, [])] },
        },
      },
    },
    properties: {
      type: "object",
      properties: {
        name: { const: "properties" },
        attributes: { type: "object", maxProperties: 0 },
        text: elementOnly,
        sequence: { type: "string", pattern: "^(property( property)*)?$" },
        children: { type: "array", items: leaf("property", { name: TOKEN, value: { type: "string" } }, ["name", "value"]) },
      },
    },
    testcase: {
      type: "object",
      properties: {
        name: { const: "testcase" },
        attributes: { type: "object", properties: { name: TOKEN, classname: TOKEN, time: DECIMAL }, required: ["name", "classname", "time"], additionalProperties: false },
        text: elementOnly,
        sequence: { type: "string", pattern: "^(skipped|error|failure)?$" },
        children: {
          type: "array",
          items: {
            anyOf: [
              { type: "object", properties: { name: { const: "skipped" } } },
              leaf("error", { type: { type: "string" }, message: { type: "string" } }, ["type"]),
              leaf("failure", { type: { type: "string" }, message: { type: "string" } }, ["type"]),
            ],
          },
        },
      },
    },
  },
};

const validateJunit = new Ajv({ strict: false, allErrors: true }).compile(junitXsd);
const now = new Date("2026-05-02T11:47:55.602Z");

const suites = (xml: string) => parseXml(xml).children;
const attr = (node: XmlNode, name: string) => node.attributes[name];

describe("junit format", () => {
  it("follows the Ant JUnit XSD, for changes, no changes, proposed rules and ignored changes", async () => {
    const report = await reportFor(agentsCreate);
    const none = await reportFor(["examples/agents-create/after", "examples/agents-create/after/openclaw.json"]);
    for (const variant of [report, none, withProposedHot(report), withSuppressed(report, "gateway.tailscale")]) {
      const tree = parseXml(renderJunit(variant, { now }));
      expect(validateJunit(tree), JSON.stringify(validateJunit.errors?.slice(0, 3))).toBe(true);
    }
  });

  it("the structural check has teeth: a testcase without classname or a misplaced element fails", async () => {
    const xml = renderJunit(await reportFor(agentsCreate), { now });
    expect(validateJunit(parseXml(xml.replace(' classname="clawdiff.hot"', "")))).toBe(false);
    expect(validateJunit(parseXml(xml.replace("<system-err></system-err>", "")))).toBe(false);
    expect(() => parseXml(xml.replace("</testcase>", ""))).toThrow();
  });

  it("has a suite per reload kind and a failing testcase per restart path", async () => {
    const [restart, hot, none] = suites(renderJunit(await reportFor(agentsCreate), { now }));
    expect([restart, hot, none].map((suite) => attr(suite!, "name"))).toEqual(["clawdiff.restart", "clawdiff.hot", "clawdiff.none"]);
    expect(restart!.attributes).toMatchObject({ tests: "1", failures: "1", timestamp: "2026-05-02T11:47:55", hostname: "localhost" });
    const testcase = restart!.children[1]!;
    expect(testcase.attributes).toEqual({ name: "gateway.tailscale", classname: "clawdiff.restart", time: "0" });
    expect(testcase.children[0]!.attributes["type"]).toBe("RELOAD_RESTART");
    expect(testcase.children[0]!.text).toContain("at examples/agents-create/after/openclaw.json:14:5\nDEFAULT_MATERIALIZED:");
    expect(hot!.attributes).toMatchObject({ tests: "1", failures: "0" });
    expect(hot!.children[1]!.children).toEqual([]);
    const properties = Object.fromEntries(restart!.children[0]!.children.map((property) => [attr(property, "name"), attr(property, "value")]));
    expect(properties).toMatchObject({ verdict: "restart", catalog: "openclaw@2026.5.3" });
  });

  it("skips restart paths an ignore entry accepted instead of failing them", async () => {
    const [restart] = suites(renderJunit(withSuppressed(await reportFor(agentsCreate), "gateway.tailscale"), { now }));
    expect(restart!.attributes).toMatchObject({ tests: "1", failures: "0", skipped: "1" });
    expect(restart!.children[1]!.children[0]!).toMatchObject({ name: "skipped", attributes: { message: "ignored by .clawdiffignore.json5:3 (known writer stamp)" } });
  });

  it("is one empty suite when nothing changed", async () => {
    const all = suites(renderJunit(await reportFor(["examples/agents-create/after", "examples/agents-create/after/openclaw.json"]), { now }));
    expect(all.map((suite) => [attr(suite, "name"), attr(suite, "tests")])).toEqual([["clawdiff", "0"]]);
  });
});

describe("XML escaping", () => {
  it("escapes markup, quotes and whitespace, and replaces characters XML cannot carry", () => {
    const nasty = `a<b>&"c'\n\td\u0001\uFFFE`;
    expect(xmlText(nasty)).toBe("a&lt;b&gt;&amp;\"c'\n\td\uFFFD\uFFFD");
    expect(xmlAttribute(nasty)).toBe("a&lt;b&gt;&amp;&quot;c&apos;&#10;&#9;d\uFFFD\uFFFD");
    const node = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<x a="${xmlAttribute("p]]>\n<q>")}">${xmlText("</x> & ]]>")}</x>\n`);
    expect(node).toMatchObject({ attributes: { a: "p]]>\n<q>" }, text: "</x> & ]]>" });
  });
});
