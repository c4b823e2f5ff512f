import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@leadmetrics/auth";
import { createDb, DEFAULT_DEMO_PASSWORD, scaleOwnerEmail, seedScale } from "@leadmetrics/db";
import { chromium } from "@playwright/test";
import globalSetup from "../../e2e/global-setup";
import { loginAs } from "./api";
import { ROOT, seedBenchPlan } from "./stack";

const percentile = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;

export const apiLogin = async (portal: "dashboard" | "dm", email: string) =>
  (await loginAs(process.env.E2E_API_URL!, email, portal)).accessToken;

async function renderTimes(url: string, cookie: string, runs: number) {
  const once = async () => {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)) };
}

/** KiB of JavaScript a first visit downloads (compressed, as transferred), measured in Chromium. */
async function firstLoadJs(urls: Record<string, string>) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const out: Record<string, number> = {};
  try {
    for (const [name, url] of Object.entries(urls)) {
      const page = await browser.newPage();
      // Bytes as transferred (compressed), read after the page settled: every script counted, once.
      const sizes: Promise<number>[] = [];
      page.on("requestfinished", (req) => {
        if (req.resourceType() === "script") sizes.push(req.sizes().then((s) => s.responseBodySize));
      });
      await page.goto(url, { waitUntil: "networkidle" });
      out[name] = Math.round((await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/**
 * The whole system as the e2e suite runs it (production builds of the portals, the API, the agents
 * and notifications servers, PostgreSQL, Redis) with 1,000 activities seeded. Returns the teardown.
 */
export async function startFullStack() {
  if (!["dashboard", "dm", "manage"].every((a) => existsSync(path.join(ROOT, "apps", a, ".next", "BUILD_ID")))) {
    execFileSync(
      "pnpm",
      [
        "exec",
        "turbo",
        "run",
        "build",
        "--filter=./apps/dashboard",
        "--filter=./apps/dm",
        "--filter=./apps/manage",
        "--concurrency=1",
        "--output-logs=errors-only",
      ],
      { cwd: ROOT, stdio: "inherit" },
    );
  }
  const teardown = await globalSetup();
  try {
    const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 2 });
    const statuses = ["dm_review", "client_review", "published", "drafting"] as const;
    await seedBenchPlan(db, {
      name: "bench 1000",
      count: 1_000,
      topic: "Seeded topic",
      statusOf: (slot) => statuses[slot % 4]!,
    });
    await db.$disconnect();
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

/** The portal pages the benchmark renders, with the signed-in cookie each needs (on the full stack). */
export async function portalPages() {
  const [client, reviewer] = await Promise.all([
    apiLogin("dashboard", "client@acme.demo.leadmetrics.local"),
    apiLogin("dm", "reviewer@demo.leadmetrics.local"),
  ]);
  return {
    dashboard: { url: `${process.env.E2E_DASHBOARD_URL}/activities`, cookie: `dashboard_access_token=${client}` },
    dm: { url: `${process.env.E2E_DM_URL}/review`, cookie: `dm_access_token=${reviewer}` },
  };
}

/** Server-render time of the Dashboard's activities page and the DM review queue, and each portal's first-load JS. */
export async function benchPortals(runs = 40) {
  const pages = await portalPages();
  const dashboard = await renderTimes(pages.dashboard.url, pages.dashboard.cookie, runs);
  const dm = await renderTimes(pages.dm.url, pages.dm.cookie, runs);
  const js = await firstLoadJs({
    dashboard: `${process.env.E2E_DASHBOARD_URL}/login`,
    dm: `${process.env.E2E_DM_URL}/login`,
    manage: `${process.env.E2E_MANAGE_URL}/login`,
  });
  return { dashboard, dm, js, runs };
}

/**
 * The same two pages on the scale fixture (seeded into the full stack's database: 1,000 tenants,
 * 200,000 activities): a scale tenant owner's activities, and the DM queue with 10,000 drafts
 * waiting across 1,000 clients.
 */
export async function benchPortalsAtScale(runs = 40) {
  const seeded = await seedScale(process.env.E2E_DATABASE_URL!, {}, await hashPassword(DEFAULT_DEMO_PASSWORD));
  const [owner, reviewer] = await Promise.all([
    apiLogin("dashboard", scaleOwnerEmail(500)),
    apiLogin("dm", "reviewer@demo.leadmetrics.local"),
  ]);
  const dashboard = await renderTimes(
    `${process.env.E2E_DASHBOARD_URL}/activities`,
    `dashboard_access_token=${owner}`,
    runs,
  );
  const dm = await renderTimes(`${process.env.E2E_DM_URL}/review`, `dm_access_token=${reviewer}`, runs);
  return { seeded, dashboard, dm, runs };
}
