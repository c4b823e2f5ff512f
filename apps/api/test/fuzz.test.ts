import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, nextIp, type LoginResult, type TestApp } from "./helpers";
import { DEMO_ACCOUNTS } from "./pipeline-helpers";

let t: TestApp;
let tokens: Record<string, LoginResult>;

beforeAll(async () => {
  t = await createTestApp();
  tokens = {
    tenant: await t.login(DEMO_ACCOUNTS.acmeOwner),
    dm: await t.login(DEMO_ACCOUNTS.reviewer),
    admin: await t.login(DEMO_ACCOUNTS.superAdmin),
    user: await t.login(DEMO_ACCOUNTS.globexOwner),
  };
});
afterAll(() => t.close());

/** Hostile values: wrong types, empties, huge strings, injection shapes, odd unicode, prototypes. */
const hostile = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, "", " ", "0", "null", "undefined", "NaN", "-1", "1e999"),
  fc.constantFrom("' OR 1=1 --", "'; DROP TABLE \"User\"; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "${7*7}", "{{constructor.constructor('x')()}}", "\u202e\u0000\uffff", "a".repeat(10_000)),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  // An own "__proto__" key, as a hostile JSON body would carry it.
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
);
const hostileObject = fc.dictionary(fc.constantFrom("email", "password", "name", "role", "id", "tenantId", "items", "feedback", "title", "body", "amount", "status", "page", "portal", "extra"), hostile, { maxKeys: 6 });

/** Row counts of every table: a rejected request must not change any of them. */
async function counts() {
  const tables = ["User", "Tenant", "TenantMember", "DeliverablePlan", "Activity", "ContentVersion", "ConnectedChannel", "ClientContext", "CreditLedger", "Notification", "NotificationPreference"];
  const rows = await Promise.all(tables.map((table) => t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`)));
  return Object.fromEntries(tables.map((table, i) => [table, Number(rows[i]![0]!.n)]));
}

describe("fuzzing every route from the route inventory", () => {
  it("never answers 5xx; every error has the uniform shape; rejected requests write nothing", async () => {
    const routes = t.app.routeInventory().filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS" && !r.url.startsWith("/docs") && !r.url.includes("*") && !r.url.startsWith("/admin/v1/queues") && !r.url.endsWith("/stream"));
    const failures: string[] = [];
    for (const route of routes) {
      const token = route.guard && route.guard !== "metrics" ? tokens[route.guard]! : undefined;
      await fc.assert(
        fc.asyncProperty(hostileObject, hostile, fc.dictionary(fc.constantFrom("page", "pageSize", "status", "type", "search", "tenantId", "planId", "action"), fc.string({ maxLength: 50 }), { maxKeys: 3 }), async (body, param, query) => {
          const url = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(typeof param === "string" ? param.slice(0, 300) || "x" : String(param))) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : "");
          const before = await counts();
          const res = await t.app.inject({
            method: route.method as "POST",
            url,
            remoteAddress: nextIp(),
            headers: token ? bearer(token.accessToken) : {},
            ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: body }),
          });
          if (res.statusCode >= 500) failures.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const parsed = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
            if (typeof parsed.error?.code !== "string" || typeof parsed.error?.message !== "string") failures.push(`${route.method} ${route.url}: not the uniform error shape: ${res.body.slice(0, 200)}`);
            const after = await counts();
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${route.method} ${route.url}: a rejected request (${res.statusCode}) changed ${JSON.stringify({ before, after })}`);
          }
        }),
        { numRuns: 6, seed: 20261122 },
      );
      if (failures.length > 20) break;
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
