import type { WriterModel } from "../writer/model.js";
import { readNearestVersionFile } from "./catalog-store.js";
import { ClawdiffError } from "../shared/errors.js";

/** The bundled writer model for `version`, or the nearest older one (schemas/writers/; validated by the tests, trusted here). */
export function loadWriterModelFor(version: string): { model: WriterModel; display: string } {
  const found = readNearestVersionFile("writers", version);
  if (!found) throw new ClawdiffError("catalog", `no writer model covers openclaw@${version} (schemas/writers/ starts at an older writer)`);
  return { model: found.data as WriterModel, display: found.display };
}
