/**
 * The reload-related messages OpenClaw gateways log, as data: each pattern
 * is anchored on the message text (prefixes already stripped) and was read
 * from the published packages (2026.2.6-3, 2026.4.22, 2026.5.3, 2026.9.6);
 * the wording is the same across them, later versions add a few messages.
 */
export type ReloadMessage =
  | { kind: "evaluating"; paths: string[] }
  | { kind: "hot-applied"; paths: string[] }
  | { kind: "dynamic-reads"; paths: string[] }
  | { kind: "restart-required"; paths: string[]; deferral?: Deferral }
  | { kind: "restart-ignored"; paths: string[] }
  | { kind: "channel-reload-deferred"; channels: string[]; detail: string }
  | { kind: "reload-disabled" }
  | { kind: "invalid-config"; detail: string }
  | { kind: "config-missing"; final: boolean }
  | { kind: "writer-intent-skip"; reason: string }
  | { kind: "reload-error"; detail: string }
  | { kind: "duplicate-signal-skipped" }
  | { kind: "restart-proceeding"; detail: string }
  | { kind: "restart-mode"; detail: string }
  | { kind: "signal"; signal: string; phase: "received" | "restarting" | "ignored" | "no-listener" }
  | { kind: "ready"; detail: string };

export interface Deferral {
  /** `deferring` until work completes, `already-waiting` behind an earlier deferral, `preparing` (2026.9). */
  mode: "deferring" | "already-waiting" | "preparing";
  detail: string;
}

/** Result of reading one message: a known message, an unknown one, or a path list cut off by a line wrap. */
export type MessageParse = { status: "known"; message: ReloadMessage } | { status: "unknown" } | { status: "unclosed"; kind: string };

// An em dash, as logged; collectors that mangle encodings or ASCII-fy it produce the others.
const DASH = String.raw`\s+(?:—|–|â€”|--?)\s+`;

/**
 * Messages whose parenthesised path list may wrap onto following lines; the
 * wrap can fall anywhere, even before the opening parenthesis (as pasted in
 * openclaw#76208).
 */
const PATH_LIST_MESSAGES: { kind: "evaluating" | "hot-applied" | "dynamic-reads" | "restart-required" | "restart-ignored"; stem: string; opener: string }[] = [
  { kind: "evaluating", stem: "config change detected; evaluating reload", opener: "(" },
  { kind: "hot-applied", stem: "config hot reload applied", opener: "(" },
  { kind: "dynamic-reads", stem: "config change applied", opener: "(dynamic reads: " },
  { kind: "restart-required", stem: "config change requires gateway restart", opener: "(" },
  { kind: "restart-ignored", stem: "config reload requires gateway restart; hot mode ignoring", opener: "(" },
];

const SIMPLE_MESSAGES: { pattern: RegExp; build: (match: RegExpExecArray) => ReloadMessage }[] = [
  { pattern: /^config change requires channel reload \(([^)]*)\)(?:\s+\S+\s+(.*))?$/, build: (m) => ({ kind: "channel-reload-deferred", channels: splitList(m[1]!), detail: m[2] ?? "" }) },
  // 2026.8+: install records changed while the config did not; an evaluation without changed config paths.
  { pattern: /^plugin metadata changed with identical config; applying plugin lifecycle/, build: () => ({ kind: "evaluating", paths: [] }) },
  { pattern: /^config reload disabled \(gateway\.reload\.mode=off\)/, build: () => ({ kind: "reload-disabled" }) },
  { pattern: /^config reload skipped \(invalid config\):?\s*(.*)$/, build: (m) => ({ kind: "invalid-config", detail: m[1]! }) },
  { pattern: /^config reload skipped \(config file not found\)/, build: () => ({ kind: "config-missing", final: true }) },
  { pattern: /^config reload retry \(\d+\/\d+\): config file not found/, build: () => ({ kind: "config-missing", final: false }) },
  { pattern: /^config reload skipped by writer intent \((.*)\)$/, build: (m) => ({ kind: "writer-intent-skip", reason: m[1]! }) },
  // Failures and recoveries around a reload (watcher trouble, last-known-good restores, superseded reloads).
  {
    pattern:
      /^(config (?:reload|restart) failed: .*|config hot-reload disabled: .*|config watcher .*|config (?:reload|restart) superseded: .*|config reload restored last-known-good config .*|config reload recovery .*|config reload skipped plugin config validation issue .*|config reload (?:in-process )?last-known-good promotion failed: .*|config reload plugin install record check failed: .*|config reload initial watch check failed: .*)$/,
    build: (m) => ({ kind: "reload-error", detail: m[1]! }),
  },
  { pattern: /^gateway restart already scheduled; skipping duplicate signal/, build: () => ({ kind: "duplicate-signal-skipped" }) },
  // Lines about a restart waiting for, or giving up on, active work; they belong to the restart still waiting for its signal.
  {
    pattern: /^(all operations and replies completed; restarting gateway now|restart timeout after .*|restart still deferred after .*|restart blocked by active .*|restart deferral check failed .*|gateway restart preflight failed: .*|gateway restart recovery .*)$/,
    build: (m) => ({ kind: "restart-proceeding", detail: m[1]! }),
  },
  // 2026.5+: how the signalled restart is carried out (in-process, full process, supervisor, update handoff).
  { pattern: /^restart mode: (.*)$/, build: (m) => ({ kind: "restart-mode", detail: m[1]! }) },
  // The server closing for that restart (5.3 server-close-Dlv4F607.js:114, 9.6 server-close.runtime.js:383); the restart is already counted.
  { pattern: /^shutdown started: (gateway restarting.*)$/, build: (m) => ({ kind: "restart-proceeding", detail: m[1]! }) },
  { pattern: /^signal (SIG[A-Z0-9]+) received/, build: (m) => ({ kind: "signal", signal: m[1]!, phase: "received" }) },
  { pattern: /^received (SIG[A-Z0-9]+); restarting/, build: (m) => ({ kind: "signal", signal: m[1]!, phase: "restarting" }) },
  { pattern: /^(SIG[A-Z0-9]+) restart ignored/, build: (m) => ({ kind: "signal", signal: m[1]!, phase: "ignored" }) },
  { pattern: /^no (SIG[A-Z0-9]+) listener found; restart skipped/, build: (m) => ({ kind: "signal", signal: m[1]!, phase: "no-listener" }) },
  // Readiness after a (re)start: 2026.5.x "gateway ready", 2026.4.x "ready (…)", 2026.2.x "listening on ws://…".
  { pattern: /^(gateway ready\b.*|ready \(.*\)|listening on (?:wss?|https?):\/\/.*|listening on port \d+.*|http server listening \(.*\))$/, build: (m) => ({ kind: "ready", detail: m[1]! }) },
];

export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const DASH_LEAD = new RegExp(`^${DASH}`);
const DEFERRING = "deferring until ";
const COMPLETE = " complete";

/** The `(a, b)` list right after `lead`; `null` when the closing parenthesis is not on this text. */
function closeOfList(rest: string): { list: string; tail: string } | null {
  // Paths never contain ")"; the first one that ends the text or precedes a dash closes the list.
  let from = 0;
  for (;;) {
    const close = rest.indexOf(")", from);
    if (close === -1) return null;
    const tail = rest.slice(close + 1);
    if (tail.trim() === "" || DASH_LEAD.test(tail)) return { list: rest.slice(0, close), tail };
    from = close + 1;
  }
}

/**
 * `— deferring until <detail>[ complete]`, `— already waiting …`, `— preparing`.
 * Read with string tests, not a lazy regex: `(.*?)…\s*$` rescanned a long
 * run of blanks from every position (80,000 of them took 20 s).
 */
function deferralOf(tail: string): Deferral | undefined {
  const dash = DASH_LEAD.exec(tail);
  if (!dash) return undefined;
  const clause = tail.slice(dash[0].length).trimEnd();
  if (clause.startsWith(DEFERRING)) {
    const detail = clause.slice(DEFERRING.length);
    return { mode: "deferring", detail: (detail.endsWith(COMPLETE) ? detail.slice(0, -COMPLETE.length) : detail).trim() };
  }
  if (clause === "already waiting for operations to complete") return { mode: "already-waiting", detail: clause };
  return clause === "preparing" ? { mode: "preparing", detail: clause } : undefined;
}

/** Classifies one (possibly re-joined) message. */
export function parseReloadMessage(message: string): MessageParse {
  const text = message.trim();
  for (const { kind, stem, opener } of PATH_LIST_MESSAGES) {
    if (!text.startsWith(stem)) continue;
    const rest = text.slice(stem.length).trimStart();
    if (rest === "" || opener.startsWith(rest)) return { status: "unclosed", kind };
    if (!rest.startsWith(opener) || !/^\s/.test(text.slice(stem.length))) continue;
    const closed = closeOfList(rest.slice(opener.length));
    if (!closed) return { status: "unclosed", kind };
    const paths = splitList(closed.list);
    if (kind === "restart-required") {
      const deferral = deferralOf(closed.tail);
      return { status: "known", message: { kind, paths, ...(deferral ? { deferral } : {}) } };
    }
    return { status: "known", message: { kind, paths } };
  }
  for (const { pattern, build } of SIMPLE_MESSAGES) {
    const match = pattern.exec(text);
    if (match) return { status: "known", message: build(match) };
  }
  return { status: "unknown" };
}
