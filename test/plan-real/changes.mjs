// The changes sent through each real gateway, in order; each starts from the
// state the previous one left. `patch` goes through config.patch, `agent`
// through agents.create.
export const BASE_CONFIG = {
  agents: {
    defaults: { model: { primary: "openrouter/anthropic/claude-sonnet-4.6" }, heartbeat: { every: "30m" } },
    list: [{ id: "main", default: true, name: "Main" }],
  },
};

export const CHANGES = [
  { name: "model primary", patch: { agents: { defaults: { model: { primary: "openai/gpt-5.5" } } } } },
  { name: "heartbeat interval", patch: { agents: { defaults: { heartbeat: { every: "45m" } } } } },
  { name: "rename main by id", patch: { agents: { list: [{ id: "main", name: "Primary" }] } } },
  { name: "max concurrent", patch: { agents: { defaults: { maxConcurrent: 2 } } } },
  { name: "delete heartbeat with null", patch: { agents: { defaults: { heartbeat: null } } } },
  { name: "same value again", patch: { agents: { defaults: { maxConcurrent: 2 } } } },
  { name: "tailscale off", patch: { gateway: { tailscale: { mode: "off" } } } },
  { name: "control UI off", patch: { gateway: { controlUi: { enabled: false } } } },
  { name: "agent timeout", patch: { agents: { defaults: { timeoutSeconds: 600 } } } },
  { name: "create agent research", agent: "research" },
  { name: "create agent writer", agent: "writer", workspace: "~/work/writer" },
];
