import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_SAFE_PACKAGES, PORTALS, SERVER_MARKERS, scanBundleText, workspaceReach } from "./client-bundles";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("client bundles", () => {
  it("each portal reaches only the client-safe workspace packages", async () => {
    for (const portal of PORTALS) {
      const reach = [...(await workspaceReach(ROOT, portal))].sort();
      expect(reach, portal).toContain("@leadmetrics/ui");
      expect(
        reach.filter((p) => !CLIENT_SAFE_PACKAGES.includes(p)),
        portal,
      ).toEqual([]);
    }
    // The walk follows dependencies of dependencies: the API reaches the database through the pipeline too.
    const api = await workspaceReach(ROOT, "apps/api");
    expect([...api]).toEqual(expect.arrayContaining(["@leadmetrics/db", "@leadmetrics/queue", "@leadmetrics/crypto"]));
    expect(CLIENT_SAFE_PACKAGES.some((p) => api.has(p))).toBe(true);
  });

  it("names every server marker found in a served file, and nothing in client code", () => {
    for (const { marker, what } of SERVER_MARKERS) {
      expect(scanBundleText("chunk.js", `var a=1;${JSON.stringify(marker)};`)).toEqual([
        { file: "chunk.js", marker, what },
      ]);
    }
    const clientCode =
      'fetch("/tenant/v1/activities",{credentials:"include"}).then(r=>r.json());document.cookie;io("/",{withCredentials:true})';
    expect(scanBundleText("chunk.js", clientCode)).toEqual([]);
  });
});
