import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { ClawdiffError } from "../shared/errors.js";

/** Shares one key between machines (CI and a laptop) so their snapshots and fingerprints compare. */
export const FINGERPRINT_KEY_ENV = "CLAWDIFF_FINGERPRINT_KEY";

/** A shared key shorter than this could itself be guessed. */
const MIN_SHARED_KEY_LENGTH = 32;
const KEY_FILE_TEXT = /^[0-9a-f]{64}\n?$/;

export function fingerprintKeyPath(env: NodeJS.ProcessEnv): string {
  const configHome = env["XDG_CONFIG_HOME"] || join(env["HOME"] || homedir(), ".config");
  return join(configHome, "clawdiff", "fingerprint-key");
}

function readKeyFile(path: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new ClawdiffError("unreadable", `cannot read the fingerprint key (${(error as NodeJS.ErrnoException).code ?? "error"}); set ${FINGERPRINT_KEY_ENV} instead`, { file: path });
  }
  if (!KEY_FILE_TEXT.test(text)) throw new ClawdiffError("parse", `is not a clawdiff fingerprint key (64 hex digits); remove it to make a new one`, { file: path });
  return Buffer.from(text.trim(), "hex");
}

/**
 * Writes a fresh key beside its final name with mode 0600 and links it into
 * place: the link fails if another run got there first, and then that
 * run's key is the one used. No reader ever sees a partial file.
 */
function createKeyFile(path: string): Buffer {
  const pending = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(pending, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    linkSync(pending, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new ClawdiffError("unreadable", `cannot create the fingerprint key (${(error as NodeJS.ErrnoException).code ?? "error"}); set ${FINGERPRINT_KEY_ENV} instead`, { file: path });
    }
  } finally {
    try {
      unlinkSync(pending);
    } catch {
      // Never written: nothing to remove.
    }
  }
  return readKeyFile(path)!;
}

/** The key from the environment, else the user's private key file, created on first use. */
export function loadFingerprintKey(env: NodeJS.ProcessEnv): Buffer {
  const shared = env[FINGERPRINT_KEY_ENV];
  if (shared !== undefined) {
    if (shared.length < MIN_SHARED_KEY_LENGTH) {
      throw new ClawdiffError("usage", `${FINGERPRINT_KEY_ENV} must hold at least ${MIN_SHARED_KEY_LENGTH} characters, for example from \`openssl rand -hex 32\` (its value is not shown)`);
    }
    return Buffer.from(shared, "utf8");
  }
  const path = fingerprintKeyPath(env);
  return readKeyFile(path) ?? createKeyFile(path);
}
