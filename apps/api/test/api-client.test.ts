import { createApiClient } from "@leadmetrics/api-client";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers";

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => t.close());

describe("the generated API client", () => {
  it("logs in and reads typed, tenant-scoped data over real HTTP", async () => {
    const anonymous = createApiClient({ baseUrl });
    const login = await anonymous.POST("/auth/v1/login", {
      body: { email: DEMO_ACCOUNTS.acmeOwner, password: DEFAULT_DEMO_PASSWORD },
    });
    expect(login.response.status).toBe(200);
    const token = login.data!.accessToken;

    const api = createApiClient({ baseUrl, token: () => token, requestId: "client-test-1" });
    const members = await api.GET("/tenant/v1/members");
    expect(members.data!.items.map((m) => m.email)).toEqual([DEMO_ACCOUNTS.acmeOwner]);
    expect(members.response.headers.get("x-request-id")).toBe("client-test-1");

    const missing = await api.GET("/tenant/v1/activities/{id}", {
      params: { path: { id: "01900000-0000-7000-8000-000000000000" } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error!.error.code).toBe("NOT_FOUND");
  });
});
