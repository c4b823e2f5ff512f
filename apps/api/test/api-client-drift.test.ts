import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderSchema } from "../scripts/render-client";

describe("the checked-in client", () => {
  it("matches what the current API generates (run `pnpm --filter @leadmetrics/api generate:client` after changing a route)", async () => {
    const checkedIn = await readFile(new URL("../../../packages/api-client/src/schema.ts", import.meta.url), "utf8");
    const fresh = await renderSchema();
    expect(checkedIn === fresh, "packages/api-client/src/schema.ts is stale: regenerate it").toBe(true);
  });

  it("covers every API router", async () => {
    const schema = await readFile(new URL("../../../packages/api-client/src/schema.ts", import.meta.url), "utf8");
    for (const path of [
      "/auth/v1/login",
      "/tenant/v1/activities/{id}",
      "/dm/v1/review-queue",
      "/admin/v1/failed-jobs/{id}/replay",
      "/health/ready",
    ]) {
      expect(schema).toContain(`"${path}"`);
    }
  });
});
