/** XML 1.0 cannot carry most control characters at all, even escaped; they become U+FFFD. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values also escape quotes, and keep whitespace that parsers would otherwise normalize to spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

export function xmlElement(name: string, attributes: Record<string, string | number>, children: string[] | string | null, indent = ""): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join("");
  if (children === null) return `${indent}<${name}${attrs}/>`;
  if (typeof children === "string") return `${indent}<${name}${attrs}>${xmlText(children)}</${name}>`;
  return [`${indent}<${name}${attrs}>`, ...children, `${indent}</${name}>`].join("\n");
}
