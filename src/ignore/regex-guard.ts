/** Longer `re:` patterns are refused: an ignore entry names paths, it is not a program. */
export const MAX_REGEX_LENGTH = 256;

interface Group {
  /** A quantifier, or a quantified group, inside it. */
  quantified: boolean;
  alternation: boolean;
}

const isUnboundedQuantifierAt = (source: string, index: number) => {
  const char = source[index];
  if (char === "*" || char === "+") return true;
  if (char !== "{") return false;
  const close = source.indexOf("}", index);
  return close !== -1 && /^\{\d+,\d*\}$/.test(source.slice(index, close + 1)) && !/^\{(\d+),\1\}$/.test(source.slice(index, close + 1));
};

/**
 * Why a `re:` pattern could take exponential time on a long path, or null
 * when it cannot: a quantified group holding a quantifier (`(a+)+`) or an
 * alternation (`(a|ab)*`), a backreference or lookaround (which defeat
 * any bound on backtracking), or more than MAX_REGEX_LENGTH characters.
 */
export function regexHazard(source: string): string | null {
  if (source.length > MAX_REGEX_LENGTH) return `longer than ${MAX_REGEX_LENGTH} characters`;
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (char === "\\") {
      const next = source[index + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || next === "k")) return "backreferences are not allowed";
      index += 1;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    const top = stack.at(-1)!;
    if (char === "[") inClass = true;
    else if (char === "|") top.alternation = true;
    else if (char === "(") {
      if (/^\(\?<?[=!]/.test(source.slice(index, index + 4))) return "lookaround is not allowed";
      stack.push({ quantified: false, alternation: false });
    } else if (char === ")") {
      const group = stack.length > 1 ? stack.pop()! : top;
      if (isUnboundedQuantifierAt(source, index + 1)) {
        if (group.quantified) return "nested quantifiers such as (a+)+ are not allowed";
        if (group.alternation) return "a quantified alternation such as (a|ab)* is not allowed";
        stack.at(-1)!.quantified = true;
      } else if (group.quantified) stack.at(-1)!.quantified = true;
    } else if (isUnboundedQuantifierAt(source, index)) top.quantified = true;
  }
  return null;
}
