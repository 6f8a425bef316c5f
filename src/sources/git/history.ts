import { ClawdiffError } from "../../shared/errors.js";
import type { GitSession } from "./session.js";

/** One commit of a range, with the paths it changed against its first parent. */
export interface CommitTouch {
  commit: string;
  /** The first parent; null for a root commit. */
  parent: string | null;
  subject: string;
  paths: string[];
}

const RECORD = "\u001e";

/** The commits of `range` (anything `git log` accepts, e.g. `main~5..main`), oldest first, in one git process. */
export function listCommits(session: GitSession, range: string): CommitTouch[] {
  let stdout: Buffer;
  try {
    ({ stdout } = session.run(
      ["log", "--reverse", `--format=${RECORD}%H %P%x00%s`, "--name-only", "-z", "--diff-merges=first-parent", "--no-renames", "--end-of-options", range, "--"],
    ));
  } catch (error) {
    if (error instanceof ClawdiffError && /unknown revision|bad revision|ambiguous argument/.test(error.message)) {
      const shallow = session.repository().shallow ? " (this is a shallow clone: fetch more history)" : "";
      throw new ClawdiffError("git", `unknown revision range '${range}' in ${session.repository().root}${shallow}`);
    }
    throw error;
  }
  return stdout
    .toString("utf8")
    .split(RECORD)
    .filter((record) => record !== "")
    .map((record) => {
      const [header = "", subject = "", ...paths] = record.split("\0");
      const [commit = "", parent] = header.split(" ");
      return { commit, parent: parent || null, subject, paths: paths.map((path) => path.replace(/^\n/, "")).filter((path) => path !== "") };
    });
}
