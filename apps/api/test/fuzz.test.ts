import { readdir } from "node:fs/promises";
import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type LoginResult, nextIp, TEST_METRICS_TOKEN, type TestApp } from "./helpers";
import { arbitraryOf, deref, type FuzzRequest, type JsonSchema, mutate, mutation } from "./openapi-arbitraries";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

/** Runs per operation (about half schema-valid, half with one field mutated): ~10,600 requests, ~1.5 min alone on 2 cores. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Fixed, so a failure reproduces; FUZZ_SEED explores other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/**
 * Each operation is its own test, with a budget that grows with its runs: a request takes ~10 ms
 * on an idle machine (with the row-count snapshot after it), so 250 ms leaves room for a machine
 * many times busier without any test depending on a multi-minute wall clock.
 */
const PER_REQUEST_MS = 250;
const OPERATION_TIMEOUT_MS = 15_000 + RUNS * PER_REQUEST_MS;

/** Tables whose rows change without the request that is being checked. */
const NOT_COUNTED = new Set([
  "_prisma_migrations",
  // Relayed (and marked) asynchronously after an earlier, successful request committed.
  "OutboxJob",
]);

type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

// The app starts while the file is collected: its live document (as clients see it) names the
// operations, and each one becomes a test of its own.
const t: TestApp = await createTestApp();
const doc: OpenApiDocument = (await t.app.inject({ method: "GET", url: "/docs/json" })).json();
let tokens: Record<string, string>;
let wp: FakeWordPress;
let tables: string[];
/**
 * Ids of real rows the callers may reach, by the path segment before the parameter
 * (`/activities/{id}` → activities): half the generated path parameters use one, so hostile
 * bodies reach the handlers behind the 404 instead of stopping at it.
 */
const realIds: Record<string, string[]> = {};

interface Operation {
  parameters?: { name: string; in: "path" | "query" | "header" | "cookie"; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

async function loginAll() {
  const login = async (email: string) => ((await t.login(email)) as LoginResult).accessToken;
  tokens = {
    tenant: await login(DEMO_ACCOUNTS.acmeOwner),
    dm: await login(DEMO_ACCOUNTS.reviewer),
    admin: await login(DEMO_ACCOUNTS.superAdmin),
    user: await login(DEMO_ACCOUNTS.globexOwner),
    metrics: TEST_METRICS_TOKEN,
  };
}

beforeAll(async () => {
  await loginAll();
  // One drafted activity (the agents stop once it is drafted: nothing writes in the background
  // while requests are checked), a channel, a media file, a member; plus seeded tenants and users.
  const agents = await startTestAgents(t);
  const planId = await approvePlan(t, tokens.tenant!, 1, "Fuzz plan");
  const [activity] = await activitiesInStatus(t, planId, "dm_review");
  await agents.close();
  // Connecting checks the credentials at the site; "Test connection" asks it again.
  wp = await startFakeWordPress({ username: "u", applicationPassword: "fuzz-app-password" });
  const channel = await api<{ id: string }>(
    t,
    "POST",
    "/tenant/v1/channels/wordpress",
    tokens.tenant!,
    { name: "Fuzz", siteUrl: wp.url, username: "u", applicationPassword: "fuzz-app-password" },
    201,
  );
  const upload = new FormData();
  upload.append(
    "file",
    new Blob([
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64",
      ),
    ]),
    "fuzz.png",
  );
  const multipart = new Request("http://localhost/", { method: "POST", body: upload });
  const media = await t.app.inject({
    method: "POST",
    url: "/tenant/v1/media",
    headers: { ...bearer(tokens.tenant!), "content-type": multipart.headers.get("content-type")! },
    payload: Buffer.from(await multipart.arrayBuffer()),
  });
  const member = await api<{ userId: string }>(
    t,
    "POST",
    "/tenant/v1/members",
    tokens.tenant!,
    { email: "fuzz-member@acme.test", name: "Fuzz Member", role: "member" },
    201,
  );
  const tenants = await t.db.tenant.findMany({ select: { id: true } });
  const users = await t.db.user.findMany({ select: { id: true } });
  Object.assign(realIds, {
    activities: [activity!.id],
    plans: [planId],
    channels: [channel.id],
    media: [(media.json() as { items: { id: string }[] }).items[0]!.id],
    members: [member.userId],
    tenants: tenants.map((r) => r.id),
    users: users.map((r) => r.id),
  });
  const rows = await t.db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  tables = rows.map((r) => r.name).filter((n) => !NOT_COUNTED.has(n));
});
afterAll(async () => {
  await wp.close();
  await t.close();
});

/** Row counts of every table (one statement) and the number of stored files. */
async function snapshot(): Promise<string> {
  const [row] = await t.db.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(", ")}`,
  );
  const files = (await readdir(t.config.STORAGE_DIR, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  ).length;
  return JSON.stringify({ ...Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])), files });
}

function toUrl(path: string, req: FuzzRequest): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = req.params[name];
    const raw = typeof v === "string" ? v.slice(0, 300) : v === undefined ? "" : JSON.stringify(v).slice(0, 300);
    // A URL carries UTF-8: a lone surrogate (cut pair or generated) cannot be sent, only its replacement.
    return encodeURIComponent(
      raw.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
    );
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    for (const item of Array.isArray(v) ? v : [v])
      if (item !== undefined) qs.append(k, typeof item === "string" ? item : JSON.stringify(item));
  }
  const query = qs.toString();
  return query ? `${filled}?${query}` : filled;
}

describe("routing errors", () => {
  it("a malformed URL or an over-long path parameter answers in the uniform shape (found by this fuzzer)", async () => {
    const long = await t.app.inject({
      method: "GET",
      url: `/tenant/v1/media/${"😀".repeat(300)}`,
      headers: bearer(tokens.tenant!),
    });
    expect([long.statusCode, long.json()]).toEqual([
      414,
      { error: { code: "URI_TOO_LONG", message: "A path parameter is too long" } },
    ]);
    const bad = await t.app.inject({
      method: "GET",
      url: "/tenant/v1/media/%E0%A4%A",
      headers: bearer(tokens.tenant!),
    });
    expect([bad.statusCode, (bad.json() as { error: { code: string } }).error.code]).toEqual([400, "BAD_REQUEST"]);
  });
});

describe("NUL characters (found by this fuzzer as 500s: PostgreSQL text cannot hold them)", () => {
  it("are refused at the edge with the field named, in the body, the query and the path, and nothing is written", async () => {
    const before = await snapshot();
    const body = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/plans/${realIds.plans![0]}/reject`,
      headers: bearer(tokens.tenant!),
      payload: { reason: "not\u0000this" },
    });
    expect([body.statusCode, body.json()]).toEqual([
      400,
      {
        error: {
          code: "VALIDATION_ERROR",
          message: "Text may not contain a NUL character",
          details: { fields: [{ path: "body.reason", message: "contains a NUL character" }] },
        },
      },
    ]);
    const query = await t.app.inject({
      method: "GET",
      url: "/tenant/v1/activities?search=a%00b",
      headers: bearer(tokens.tenant!),
    });
    expect([query.statusCode, (query.json() as { error: { details: unknown } }).error.details]).toEqual([
      400,
      { fields: [{ path: "querystring.search", message: "contains a NUL character" }] },
    ]);
    const param = await t.app.inject({ method: "GET", url: "/tenant/v1/media/a%00b", headers: bearer(tokens.tenant!) });
    expect(param.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });
});

interface FuzzedOperation {
  path: string;
  METHOD: string;
  op: Operation;
}

/** Every operation of the document except the docs, the queue dashboard and event streams. */
function fuzzedOperations(document: OpenApiDocument): FuzzedOperation[] {
  const out: FuzzedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (path.startsWith("/docs") || path.startsWith("/admin/v1/queues") || path.endsWith("/stream")) continue;
    for (const [method, rawOp] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      out.push({ path, METHOD: method.toUpperCase(), op: deref(rawOp, document) as Operation });
    }
  }
  return out;
}

const OPERATIONS = fuzzedOperations(doc);
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
const successes = new Map<string, number>();
let requests = 0;
let fuzzedSeconds = 0;

/**
 * Fuzzes one operation: never a 5xx; every error in the uniform shape; a rejected request writes
 * nothing; a success matches its documented response. Returns what went wrong.
 */
async function fuzzOperation({ path, METHOD, op }: FuzzedOperation): Promise<string[]> {
  const key = `${METHOD} ${path}`;
  const guard =
    t.app.routeInventory().find((r) => `${r.method} ${r.url}` === `${METHOD} ${path.replace(/\{([^}]+)\}/g, ":$1")}`)
      ?.guard ?? null;
  const failures: string[] = [];
  const params = op.parameters ?? [];
  const location = (where: "path" | "query") => {
    const ps = params.filter((p) => p.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(ps.map((p) => [p.name, p.schema ?? {}])),
      required: ps.filter((p) => p.required || where === "path").map((p) => p.name),
      additionalProperties: false,
    };
  };
  const jsonBody = op.requestBody?.content?.["application/json"]?.schema;
  const pathParams = params.filter((p) => p.in === "path");
  const paramsArbitrary = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const real =
          realIds[
            /\/([^/{]+)\/\{[^}]+\}$/.exec(path.slice(0, path.indexOf(`{${p.name}}`) + p.name.length + 2))?.[1] ?? ""
          ];
        const generated = arbitraryOf(p.schema ?? {});
        return [p.name, real?.length ? fc.oneof(fc.constantFrom(...real), generated) : generated];
      }),
    ),
  );
  const valid = fc.record({
    params: paramsArbitrary,
    query: arbitraryOf(location("query")),
    body: jsonBody ? arbitraryOf(jsonBody) : fc.constant(undefined),
  }) as fc.Arbitrary<FuzzRequest>;
  const request = fc.oneof(
    valid.map((r) => ({ kind: "valid", r })),
    fc.tuple(valid, fc.nat(), mutation).map(([r, pick, m]) => ({ kind: "mutated", r: mutate(r, pick, m) })),
  );
  let wrote = false;
  let before = await snapshot();

  await fc.assert(
    fc.asyncProperty(request, async ({ kind, r }) => {
      requests++;
      const res = await t.app.inject({
        method: METHOD as "POST",
        url: toUrl(path, r),
        remoteAddress: nextIp(),
        headers: guard ? bearer(tokens[guard]!) : {},
        ...(r.body === undefined
          ? {}
          : {
              payload: JSON.stringify(r.body),
              headers: { ...(guard ? bearer(tokens[guard]!) : {}), "content-type": "application/json" },
            }),
      });
      const label = `${key} (${kind}) → ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(`${label} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        let body: { error?: { code?: unknown; message?: unknown } } = {};
        try {
          body = JSON.parse(res.body);
        } catch {}
        if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string")
          failures.push(`${label}: not the uniform error shape: ${res.body.slice(0, 200)}`);
        const after = await snapshot();
        if (after !== before) failures.push(`${label}: a rejected request changed ${before} → ${after}`);
        before = after;
        return;
      }
      successes.set(
        `${key} ${res.statusCode} (${kind})`,
        (successes.get(`${key} ${res.statusCode} (${kind})`) ?? 0) + 1,
      );
      if (METHOD !== "GET") wrote = true;
      const schema = op.responses?.[String(res.statusCode)]?.content?.["application/json"]?.schema;
      if (schema && String(res.headers["content-type"]).startsWith("application/json")) {
        const validate = ajv.compile(schema);
        if (!validate(res.json()))
          failures.push(
            `${label}: the success body does not match its documented schema: ${ajv.errorsText(validate.errors)}`,
          );
      }
      before = await snapshot();
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // A successful write may have been a logout or a password change: start the next operation with fresh sessions.
  if (wrote && path.startsWith("/auth/")) await loginAll();
  return failures;
}

describe(`fuzzing every operation of the OpenAPI document (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`, () => {
  it.each(OPERATIONS.map((o) => [`${o.METHOD} ${o.path}`, o] as const))(
    "%s: never answers 5xx; every error has the uniform shape; rejected requests write nothing; successes match the documented response",
    async (key, operation) => {
      const started = Date.now();
      const failures = await fuzzOperation(operation);
      fuzzedSeconds += (Date.now() - started) / 1000;
      expect(failures, `${key}: reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`).toEqual([]);
    },
    OPERATION_TIMEOUT_MS,
  );

  it("covered every operation and reached past validation", () => {
    console.log(
      `fuzzed ${requests} requests over ${OPERATIONS.length} operations in ${fuzzedSeconds.toFixed(1)}s; successes:\n  ${[...successes].map(([k, n]) => `${k} ×${n}`).join("\n  ")}`,
    );
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(60);
    // The generator reaches past validation: list routes at least answer schema-valid queries.
    expect(successes.size).toBeGreaterThanOrEqual(10);
  });
});
