import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Inputs too large or too strange to commit (a 200 MB file, FIFOs, symlink
 * loops, modes), made inside the case's temporary directory at test time.
 */
export const GENERATORS: Record<string, (dir: string) => void> = {
  "deep-nesting"(dir) {
    const depth = 100_000;
    writeFileSync(join(dir, "deep.json"), `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
    writeFileSync(join(dir, "deep.json5"), `${"{a:[".repeat(depth / 2)}1${"]}".repeat(depth / 2)}`);
  },
  "long-key"(dir) {
    writeFileSync(join(dir, "long.json"), JSON.stringify({ gateway: { port: 18789 }, agents: { defaults: { ["k".repeat(100_000)]: 1 } } }));
  },
  "many-siblings"(dir) {
    const siblings = (last: number) => {
      // Keys of an object the version's schema leaves open: a strict one (meta) would make the config invalid.
      const defaults: Record<string, number> = {};
      for (let index = 0; index < 100_000; index += 1) defaults[`k${index}`] = index;
      defaults["k99999"] = last;
      return JSON.stringify({ gateway: { port: 18789 }, agents: { defaults } });
    };
    writeFileSync(join(dir, "siblings-before.json"), siblings(1));
    writeFileSync(join(dir, "siblings-after.json"), siblings(2));
  },
  "symlink-loop"(dir) {
    symlinkSync("loop2.json", join(dir, "loop.json"));
    symlinkSync("loop.json", join(dir, "loop2.json"));
  },
  fifo(dir) {
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
  },
  "config-directory"(dir) {
    mkdirSync(join(dir, "state", "openclaw.json"), { recursive: true });
  },
  "empty-state"(dir) {
    mkdirSync(join(dir, "state"));
  },
  unreadable(dir) {
    writeFileSync(join(dir, "secret.json"), "{}");
    chmodSync(join(dir, "secret.json"), 0o000);
  },
  "sparse-200mb"(dir) {
    // A hole, not 200 MB of disk: the size check must refuse it before reading a byte.
    writeFileSync(join(dir, "big.json"), "");
    truncateSync(join(dir, "big.json"), 200 * 1024 * 1024);
  },
  "include-chain"(dir) {
    mkdirSync(join(dir, "chain"));
    writeFileSync(join(dir, "chain", "openclaw.json"), '{ "$include": "level1.json5" }');
    for (let level = 1; level <= 11; level += 1) {
      writeFileSync(join(dir, "chain", `level${level}.json5`), level === 11 ? "{}" : `{ "$include": "level${level + 1}.json5" }`);
    }
  },
  "include-symlink-out"(dir) {
    mkdirSync(join(dir, "s"));
    writeFileSync(join(dir, "s", "openclaw.json"), '{ "$include": "link.json5" }');
    symlinkSync("../baseline.json", join(dir, "s", "link.json5"));
  },
  "include-fifo"(dir) {
    mkdirSync(join(dir, "s"));
    writeFileSync(join(dir, "s", "openclaw.json"), '{ "$include": "pipe.json5" }');
    execFileSync("mkfifo", [join(dir, "s", "pipe.json5")]);
  },
  "git-repo"(dir) {
    mkdirSync(join(dir, "conf"));
    writeFileSync(join(dir, "conf", "openclaw.json"), "{}");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir, stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "state");
  },
};
