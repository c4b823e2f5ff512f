import { hashPassword } from "@leadmetrics/auth";
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_ACCOUNTS,
  SCALE_DEEP_QUEUE_PAGE,
  scaleOwnerEmail,
  seedScale,
} from "@leadmetrics/db";
import { createTestDatabase } from "@leadmetrics/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeQueueCursor, queueCursorAt } from "../src/domain/review";
import { bearer, createTestApp, type TestApp } from "./helpers";

/**
 * Every list the portals page through, run over HTTP against the scale fixture (1,000 tenants,
 * 200,000 activities with their versions and events, analysed); every SELECT the request sends
 * is EXPLAINed (not ANALYZEd) with its own parameters, and a plan that reads a large table
 * sequentially or sorts many rows without an index fails the test, naming the statement.
 */

const LARGE_TABLE_ROWS = 10_000;
const MAX_SORTED_ROWS = 1_000;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Plan Rows": number;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

let t: TestApp;
let explainer: pg.Client;
let captured: { sql: string; params: unknown[] }[] = [];
let rowsOf: Map<string, number>;
const tokens: Record<"reviewer" | "admin" | "owner", string> = { reviewer: "", admin: "", owner: "" };
let scaleTenantId: string;
let deepCursor: string;
let scalePlanId: string;

beforeAll(async () => {
  const url = await createTestDatabase();
  await seedScale(url, {}, await hashPassword(DEFAULT_DEMO_PASSWORD));
  t = await createTestApp(
    {},
    {
      databaseUrl: url,
      onQuery: (sql, params) => {
        if (/^\s*SELECT/i.test(sql) && !sql.includes('"OutboxJob"')) captured.push({ sql, params });
      },
    },
  );
  explainer = new pg.Client({ connectionString: url });
  await explainer.connect();
  const stats = await explainer.query<{ relname: string; reltuples: number }>(
    `SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  rowsOf = new Map(stats.rows.map((r) => [r.relname, Number(r.reltuples)]));
  tokens.reviewer = (await t.login(DEMO_ACCOUNTS.reviewer)).accessToken;
  tokens.admin = (await t.login(DEMO_ACCOUNTS.superAdmin)).accessToken;
  const owner = await t.login(scaleOwnerEmail(500));
  tokens.owner = owner.accessToken;
  scaleTenantId = owner.session.tenantId!;
  scalePlanId = (await t.db.deliverablePlan.findFirstOrThrow({ where: { tenantId: scaleTenantId } })).id;
  // Where the "Next" link of the page before a deep page points.
  deepCursor = encodeQueueCursor(await queueCursorAt(t.db, "dm_review", (SCALE_DEEP_QUEUE_PAGE - 1) * 50 - 1));
}, 300_000);

afterAll(async () => {
  await explainer?.end();
  await t?.close();
});

/** Nodes that pass rows on as they read them: a Limit above them stops the read early. */
const STREAMING = new Set([
  "Limit",
  "Nested Loop",
  "Incremental Sort",
  "Result",
  "Merge Join",
  "Gather Merge",
  "Unique",
]);

/**
 * What is wrong with one statement's plan, in words (empty when nothing is): a sequential scan of
 * a large table (unless a Limit stops an unfiltered one early), an index scan with no condition that reads a large table whole (a Limit above it
 * through streaming nodes stops it early, so that is fine), or a large sort.
 */
function problemsOf(node: PlanNode, underLimit = false, found: string[] = []): string[] {
  const relation = node["Relation Name"];
  const large = relation !== undefined && (rowsOf.get(relation) ?? 0) > LARGE_TABLE_ROWS;
  // Under a Limit with no filter, a sequential scan reads only the rows the Limit asks for.
  if (node["Node Type"] === "Seq Scan" && large && !(underLimit && !node.Filter)) {
    found.push(`sequential scan of "${relation}" (${rowsOf.get(relation!)} rows)`);
  }
  const fullIndexScan = node["Node Type"] === "Index Scan" || node["Node Type"] === "Index Only Scan";
  if (fullIndexScan && large && !node["Index Cond"] && !underLimit) {
    found.push(`index scan reading all of "${relation}" (${rowsOf.get(relation!)} rows)`);
  }
  if (node["Node Type"] === "Sort" && node["Plan Rows"] > MAX_SORTED_ROWS) {
    found.push(`sort of ~${node["Plan Rows"]} rows without an index`);
  }
  const limited = node["Node Type"] === "Limit" || (underLimit && STREAMING.has(node["Node Type"]));
  for (const child of node.Plans ?? []) problemsOf(child, limited, found);
  return found;
}

async function plansOf(who: keyof typeof tokens, url: string) {
  captured = [];
  const res = await t.app.inject({ method: "GET", url, headers: bearer(tokens[who]) });
  expect(res.statusCode, res.body).toBe(200);
  const statements = [...captured];
  expect(statements.length, "the request ran no SELECT").toBeGreaterThan(0);
  const report: string[] = [];
  for (const s of statements) {
    const { rows } = await explainer.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `EXPLAIN (FORMAT JSON) ${s.sql}`,
      s.params,
    );
    const problems = problemsOf(rows[0]!["QUERY PLAN"][0]!.Plan);
    if (problems.length) {
      const text = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN ${s.sql}`, s.params);
      const plan = text.rows.map((r) => `      ${r["QUERY PLAN"]}`).join("\n");
      report.push(
        `${problems.join("; ")}\n    in: ${s.sql.slice(0, 600)}\n    params: ${JSON.stringify(s.params)}\n${plan}`,
      );
    }
  }
  return report;
}

describe("list queries at scale: every statement uses an index", () => {
  const cases: [string, keyof typeof tokens, () => string][] = [
    ["DM review queue, page 1", "reviewer", () => "/dm/v1/review-queue?page=1&pageSize=50"],
    [
      "DM review queue, a deep page by cursor",
      "reviewer",
      () => `/dm/v1/review-queue?pageSize=50&cursor=${deepCursor}`,
    ],
    ["DM review queue, one tenant", "reviewer", () => `/dm/v1/review-queue?tenantId=${scaleTenantId}`],
    ["DM needs attention", "reviewer", () => "/dm/v1/needs-attention?page=1&pageSize=50"],
    ["a tenant's activities board", "owner", () => "/tenant/v1/activities?pageSize=100"],
    ["a tenant's activities in review", "owner", () => "/tenant/v1/activities?status=client_review&pageSize=100"],
    [
      "a tenant's activities, every filter",
      "owner",
      () =>
        `/tenant/v1/activities?planId=${scalePlanId}&type=blog_post&channel=linkedin&status=dm_review&status=client_review&pageSize=200`,
    ],
    ["a tenant's activities, searched", "owner", () => "/tenant/v1/activities?q=spring&pageSize=200"],
    ["a tenant's activities by due date", "owner", () => "/tenant/v1/activities?sort=due&pageSize=50"],
    ["a tenant's plans", "owner", () => "/tenant/v1/plans"],
    ["audit log of one tenant", "admin", () => `/admin/v1/audit-logs?tenantId=${scaleTenantId}`],
    // The whole log's total is counted only up to a cap, so these stop early too.
    ["audit log, newest first", "admin", () => "/admin/v1/audit-logs?pageSize=50"],
    ["audit log, a later page", "admin", () => "/admin/v1/audit-logs?page=150&pageSize=50"],
    ["audit log by action prefix", "admin", () => "/admin/v1/audit-logs?action=plan."],
    ["failed jobs, newest first", "admin", () => "/admin/v1/failed-jobs?pageSize=50"],
    ["a tenant's credits in Manage", "admin", () => `/admin/v1/tenants/${scaleTenantId}/credits?pageSize=50`],
    ["Manage tenants", "admin", () => "/admin/v1/tenants?pageSize=50"],
    ["Manage tenants, a later page", "admin", () => "/admin/v1/tenants?page=15&pageSize=50"],
  ];
  it.each(cases)("%s", async (_name, who, url) => {
    expect(await plansOf(who, url())).toEqual([]);
  });

  // Known to fail today, kept here so the day each is fixed the test says so (an expected failure
  // that passes fails the run) and the case moves up: a deep page asked for by number (OFFSET)
  // sorts the whole queue; the portal's links page by cursor (above) instead.
  const knownGaps: [string, keyof typeof tokens, () => string][] = [
    ["DM review queue, a deep page", "reviewer", () => `/dm/v1/review-queue?page=${SCALE_DEEP_QUEUE_PAGE}&pageSize=50`],
  ];
  it.fails.each(knownGaps)("known gap: %s", async (_name, who, url) => {
    expect(await plansOf(who, url())).toEqual([]);
  });
});
