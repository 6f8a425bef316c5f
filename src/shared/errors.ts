/**
 * Every failure a user can cause (bad input, missing file, unknown catalog)
 * is a ClawdiffError: the CLI prints its one-line message and exits 2.
 * Anything else is a bug and keeps its stack.
 */
export type ErrorKind =
  | "usage"
  | "not-found"
  | "unreadable"
  | "parse"
  | "too-large"
  | "too-deep"
  | "include"
  | "catalog"
  | "git";

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

export class ClawdiffError extends Error {
  readonly kind: ErrorKind;
  readonly position: SourcePosition | undefined;

  constructor(kind: ErrorKind, message: string, position?: SourcePosition, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClawdiffError";
    this.kind = kind;
    this.position = position;
  }

  /** `file:line:col: message`, the form editors and CI annotate from. */
  format(): string {
    if (!this.position) return this.message;
    const { file, line, column } = this.position;
    const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    return `${where}: ${this.message}`;
  }
}

export function isClawdiffError(error: unknown): error is ClawdiffError {
  return error instanceof ClawdiffError;
}
