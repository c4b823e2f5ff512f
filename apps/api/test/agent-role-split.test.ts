import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers";
import { activitiesInStatus, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let light: Awaited<ReturnType<typeof startTestAgents>>;
let writers: Awaited<ReturnType<typeof startTestAgents>>;

beforeAll(async () => {
  t = await createTestApp();
  // Two agents processes split by profile: light roles in one, the LLM writers in the other.
  light = await startTestAgents(t, { AGENT_ROLES: "activity-planner,publisher" });
  writers = await startTestAgents(t, { AGENT_ROLES: "blog-writer,social-post-writer,strategy-writer" });
});
afterAll(async () => {
  await writers.close();
  await light.close();
  await t.close();
});

describe("agents split across processes with AGENT_ROLES", () => {
  it("each process consumes only its own roles' queues, and together they run the loop", async () => {
    // Sign-ins are renewed where publishing runs.
    expect(light.server.workers.map((w) => w.name).sort()).toEqual([
      "agent__activity-planner",
      "agent__publisher",
      "channels__token_refresh",
    ]);
    expect(writers.server.workers.map((w) => w.name).sort()).toEqual([
      "agent__blog-writer",
      "agent__social-post-writer",
      "agent__strategy-writer",
    ]);
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const planId = await approvePlan(t, owner.accessToken, 2, "Split roles");
    const drafted = await activitiesInStatus(t, planId, "dm_review", 2);
    const runs = await t.db.agentRun.findMany({
      where: { OR: [{ planId }, { activityId: { in: drafted.map((a) => a.id) } }] },
      select: { role: true, status: true },
    });
    expect(runs.map((r) => `${r.role}:${r.status}`).sort()).toEqual([
      "activity-planner:succeeded",
      "blog-writer:succeeded",
      "blog-writer:succeeded",
    ]);
  });

  it("refuses a role that does not exist, naming the variable", async () => {
    await expect(startTestAgents(t, { AGENT_ROLES: "blog-writer,ghost-writer" })).rejects.toThrow(/AGENT_ROLES/);
  });
});
