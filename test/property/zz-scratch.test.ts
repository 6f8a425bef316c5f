import { it } from "vitest";
import { listBundledCatalogs } from "../../src/sources/catalog-store.js";
import { loadOracles } from "./oracle.js";
it("scratch", () => {
  const t = Date.now();
  const v = [...new Set(listBundledCatalogs().flatMap((e) => [e.openclawVersion, ...e.coversVersions]))];
  const o = loadOracles(v);
  console.log(Date.now() - t, o.map((x) => x.name));
}, 300000);
