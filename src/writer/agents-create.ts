import { join } from "node:path";
import { ClawdiffError } from "../shared/errors.js";
import { getAtSegments, isPlainObject } from "../shared/values.js";
import { setAtPath } from "./change.js";
import type { WriteOperationModel } from "./model.js";

export interface AgentsCreateParams {
  agent: string;
  workspace: string;
  /** HOME of the gateway process: `~` expands against it and the agent dir lies below its `.openclaw`. */
  home: string;
}

/** The gateway's agent ids are lower case; anything outside [a-z0-9_-] becomes a dash. */
const normalizeAgentId = (name: string): string => name.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, "-");

const expandHome = (path: string, home: string): string => (path === "~" ? home : path.startsWith("~/") ? join(home, path.slice(2)) : path);

/** The roster entry `agents.create` appends, field by field as the version's handler builds it. */
function buildEntry(id: string, params: AgentsCreateParams, fields: readonly string[]): Record<string, unknown> {
  const name = params.agent.trim();
  return {
    id,
    ...(fields.includes("name") ? { name } : {}),
    ...(fields.includes("workspace") ? { workspace: expandHome(params.workspace.trim(), params.home) } : {}),
    ...(fields.includes("identity.name") ? { identity: { name } } : {}),
    ...(fields.includes("agentDir") ? { agentDir: join(params.home, ".openclaw", "agents", id, "agent") } : {}),
  };
}

/** The config `agents.create` hands the writer: the roster with the new entry (and the default agent when the roster was empty). */
export function applyAgentsCreate(base: unknown, params: AgentsCreateParams, model: WriteOperationModel): unknown {
  const listSegments = (model.agentList ?? "agents.list").split(".");
  const current = getAtSegments(base, listSegments) ?? [];
  if (!Array.isArray(current)) throw new ClawdiffError("usage", `agents.create: ${listSegments.join(".")} is not a list in this state`);
  const id = normalizeAgentId(params.agent);
  if (id === "") throw new ClawdiffError("usage", "agents.create: --agent needs a name");
  if ((model.reservedIds ?? []).includes(id)) throw new ClawdiffError("usage", `agents.create: "${id}" is reserved`);
  if (current.some((entry) => isPlainObject(entry) && entry["id"] === id)) throw new ClawdiffError("usage", `agents.create: agent "${id}" already exists`);
  const defaultId = model.reservedIds?.[0];
  const seeded = current.length === 0 && defaultId !== undefined ? [{ id: defaultId }] : [];
  return setAtPath(base, listSegments, [...current, ...seeded, buildEntry(id, params, model.entryFields ?? [])], listSegments.join("."));
}
