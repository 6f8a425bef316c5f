import { createHash } from "node:crypto";

/** A short fingerprint of an ordered path list, so two tools' answers compare without shipping the list. */
export const digestPaths = (paths) => ({ changedPathCount: paths.length, pathsDigest: createHash("sha256").update(paths.join("\n")).digest("hex").slice(0, 16) });
