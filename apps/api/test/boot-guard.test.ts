import { describe, expect, it } from "vitest";
import { isPublicRoute } from "../src/lib/public-routes";

describe("public allow-list", () => {
  it("holds only health, the sign-in flows and the docs", () => {
    expect(isPublicRoute("GET", "/health/live")).toBe(true);
    expect(isPublicRoute("POST", "/auth/v1/login")).toBe(true);
    expect(isPublicRoute("GET", "/docs/json")).toBe(true);
    expect(isPublicRoute("GET", "/auth/v1/me")).toBe(false);
    expect(isPublicRoute("POST", "/auth/v1/logout")).toBe(false);
    expect(isPublicRoute("GET", "/tenant/v1/members")).toBe(false);
    expect(isPublicRoute("GET", "/docsx")).toBe(false);
  });
});

describe("boot guard", () => {
  it("refuses to start when a route is neither guarded nor allow-listed", async () => {
    const { default: Fastify } = await import("fastify");
    const { assertEveryRouteGuarded } = await import("../src/app");
    const app = Fastify();
    assertEveryRouteGuarded(app);
    app.get("/tenant/v1/forgotten", async () => ({ leaked: true }));
    await expect(app.ready()).rejects.toThrow("Route GET /tenant/v1/forgotten has no guard");
  });

  it("starts when every route is guarded or public", async () => {
    const { default: Fastify } = await import("fastify");
    const { assertEveryRouteGuarded } = await import("../src/app");
    const { protect } = await import("../src/auth/guards");
    const app = Fastify();
    assertEveryRouteGuarded(app);
    app.get("/health/live", async () => ({ status: "ok" }));
    await app.register(async (scoped) => {
      protect(scoped, "tenant", async () => {});
      scoped.get("/tenant/v1/fine", async () => ({}));
    });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});
