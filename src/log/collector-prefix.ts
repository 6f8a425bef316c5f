/**
 * Prefixes that log collectors put in front of what the gateway wrote:
 * journald (`journalctl` short, short-precise, short-iso), syslog files,
 * `docker logs -t` / CRI (`<RFC3339Nano> [stdout F] `), `docker compose`
 * (`service-1  | `) and macOS unified logging (`log show` / `log stream`,
 * default and compact styles) for launchd-run gateways. Each pattern is
 * anchored and made of disjoint character classes, so it runs in linear time.
 */
export interface CollectorPrefix {
  /** What follows the prefix: the gateway's own line. */
  rest: string;
  /** The collector's timestamp, used when the gateway's line carries none. */
  time?: string;
}

interface PrefixPattern {
  pattern: RegExp;
  /** Capture group holding the collector's timestamp. */
  timeGroup?: number;
}

const PATTERNS: PrefixPattern[] = [
  // journalctl short / short-precise and syslog files: "May  3 07:00:04[.123456] host unit[pid]: "
  { pattern: /^[A-Z][a-z]{2} {1,2}\d{1,2} (\d{2}:\d{2}:\d{2}(?:\.\d+)?) [^\s]+ [^\s:]+: /, timeGroup: 1 },
  // journalctl short-iso / short-iso-precise: "2026-05-03T07:00:04+0000 host unit[pid]: "
  { pattern: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}:?\d{2}) [^\s[]+ [^\s:[]+\[\d+\]: /, timeGroup: 1 },
  // macOS `log show` default style: "2026-05-03 07:00:04.123456+0200 0x2f3a1  Default  0x0  812  0  node: "
  { pattern: /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+[+-]\d{4}) +0x[0-9a-f]+ +[A-Za-z]+ +0x[0-9a-f]+ +\d+ +\d+ +[^\s:]+: /, timeGroup: 1 },
  // macOS `log show --style compact`: "2026-05-03 07:00:04.123 Df node[812:2f3a1] "
  { pattern: /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+) [A-Z][a-z] [^\s[]+\[\d+:[0-9a-f]+\] /, timeGroup: 1 },
  // CRI (containerd, Kubernetes): "2026-05-03T07:00:04.123456789Z stdout F "
  { pattern: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z) (?:stdout|stderr) [FP] /, timeGroup: 1 },
  // `docker logs -t`: nanosecond RFC 3339 (the gateway itself writes milliseconds).
  { pattern: /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6,9}(?:Z|[+-]\d{2}:\d{2})) /, timeGroup: 1 },
  // `docker compose logs`: "openclaw-gateway-1  | "
  { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]* +\| ?/ },
];

/** Strips every collector prefix (a compose prefix may precede a `-t` stamp); the innermost time wins. */
export function stripCollectorPrefixes(text: string): CollectorPrefix {
  let rest = text;
  let time: string | undefined;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const { pattern, timeGroup } of PATTERNS) {
      const match = pattern.exec(rest);
      if (!match) continue;
      if (timeGroup !== undefined) time = match[timeGroup];
      rest = rest.slice(match[0].length);
      stripped = true;
      break;
    }
  }
  return { rest, ...(time ? { time } : {}) };
}
