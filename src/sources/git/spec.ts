import { ClawdiffError } from "../../shared/errors.js";

export const GIT_SPEC_PREFIX = "git:";
/** Pseudo-revisions: square brackets cannot appear in a ref name, so they never shadow a branch. */
export const INDEX_REVISION = "[index]";
export const WORKTREE_REVISION = "[worktree]";

/** Which state of the repository a spec names. */
export type GitTarget = { kind: "commit"; rev: string } | { kind: "index" } | { kind: "worktree" };

export interface GitSpec {
  target: GitTarget;
  /** The config's path in the tree, when the spec names one (`git:<rev>:<path>`). */
  path: string | null;
}

export const isGitSpec = (spec: string) => spec.startsWith(GIT_SPEC_PREFIX);

/** `git:<rev>`, `git:<rev>:<path>`; `<rev>` may be `[index]` or `[worktree]`. A ref name cannot hold ':', so the first one splits. */
export function parseGitSpec(spec: string): GitSpec {
  const body = spec.slice(GIT_SPEC_PREFIX.length);
  const colon = body.indexOf(":");
  const rev = colon === -1 ? body : body.slice(0, colon);
  const path = colon === -1 ? null : body.slice(colon + 1).replace(/^\.?\/+/, "");
  if (rev === "") throw new ClawdiffError("usage", `'${spec}' names no revision: use git:<rev> or git:<rev>:<path>`);
  if (path === "") throw new ClawdiffError("usage", `'${spec}' names no path after the revision`);
  const target: GitTarget = rev === INDEX_REVISION ? { kind: "index" } : rev === WORKTREE_REVISION ? { kind: "worktree" } : { kind: "commit", rev };
  return { target, path };
}

export const describeTarget = (target: GitTarget) => (target.kind === "commit" ? target.rev : target.kind);
