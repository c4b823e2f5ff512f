import {
  ADAPTER_NAMES,
  AGENT_ROLES,
  agentConfigFields,
  DELIVERABLE_CATALOG,
  DELIVERABLE_TYPES,
  deliverableTypeLabel,
  deliverableTypePluralLabel,
  ROLE_CATALOG,
  WRITER_ROLES,
  writerOf,
} from "@leadmetrics/catalog";
import { createDb, type Db, DeliverableType } from "@leadmetrics/db";
import { agentQueue, draftJobSchema, QUEUES, queueLabel } from "@leadmetrics/queue";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../src";

let db: Db;
beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 2 });
});
afterAll(() => db.$disconnect());

const databaseTypes = Object.values(DeliverableType);

describe("the role registry", () => {
  it.each(AGENT_ROLES)("%s has a price, a label, a queue and a definition", (role) => {
    const facts = ROLE_CATALOG[role];
    expect(Number.isInteger(facts.creditsPerRun) && facts.creditsPerRun >= 0, "a price in whole credits").toBe(true);
    expect(facts.label.trim()).not.toBe("");
    const definition = ROLES[role];
    expect(definition, "a definition in ROLES").toBeDefined();
    expect(definition.role).toBe(role);
    expect(definition.creditsPerRun).toBe(facts.creditsPerRun);
    expect(definition.label).toBe(facts.label);
    expect(definition.queue).toBe(agentQueue(role));
    expect(Object.hasOwn(QUEUES, definition.queue), "its queue is in QUEUES").toBe(true);
    expect(definition.jobSchema).toBe(QUEUES[definition.queue].schema);
    expect(definition.concurrency).toBeGreaterThanOrEqual(1);
    expect(definition.lockDurationMs).toBeGreaterThan(0);
    expect(typeof definition.handle).toBe("function");
  });

  it("has no definition or agent queue without a role", () => {
    expect(Object.keys(ROLES).sort()).toEqual([...AGENT_ROLES].sort());
    const agentQueues = Object.keys(QUEUES).filter((q) => q.startsWith("agent__"));
    expect(agentQueues.sort()).toEqual(AGENT_ROLES.map(agentQueue).sort());
  });
});

describe("agent configuration fields", () => {
  it("a role that calls no model has none; the offline adapter takes no model and no temperature", () => {
    for (const adapter of ADAPTER_NAMES)
      expect(agentConfigFields("publisher", adapter)).toEqual({
        adapter: false,
        model: false,
        temperature: false,
        enabled: false,
      });
    expect(agentConfigFields("blog-writer", "offline")).toEqual({
      adapter: true,
      model: false,
      temperature: false,
      enabled: true,
    });
    expect(agentConfigFields("blog-writer", "anthropic")).toMatchObject({ model: true, temperature: true });
    expect(agentConfigFields("strategy-writer", "claude-cli")).toMatchObject({ model: true, temperature: false });
  });

  it("every role that calls a model is one the publisher is not, and every queue has a name for people", () => {
    expect(AGENT_ROLES.filter((r) => !ROLE_CATALOG[r].callsModel)).toEqual(["publisher"]);
    for (const queue of Object.keys(QUEUES)) expect(queueLabel(queue)).not.toMatch(/__/);
    expect(queueLabel("agent__blog-writer")).toBe("Blog writer");
  });
});

describe("the deliverable types", () => {
  it("are exactly the database enum's values, in the schema and in the migrated database", async () => {
    expect([...DELIVERABLE_TYPES].sort()).toEqual([...databaseTypes].sort());
    const rows = await db.$queryRaw<
      { value: string }[]
    >`SELECT unnest(enum_range(NULL::"DeliverableType"))::text AS value`;
    expect(rows.map((r) => r.value).sort()).toEqual([...databaseTypes].sort());
  });

  it.each(databaseTypes)("%s has labels and a writer role that takes draft jobs", (type) => {
    const facts = DELIVERABLE_CATALOG[type];
    expect(facts, "an entry in the catalogue").toBeDefined();
    expect(deliverableTypeLabel(type).trim()).not.toBe("");
    expect(deliverableTypeLabel(type)).toBe(deliverableTypeLabel(type).toLowerCase());
    expect(deliverableTypeLabel(type, { capitalized: true })[0]).toMatch(/[A-Z]/);
    expect(deliverableTypePluralLabel(type).trim()).not.toBe("");
    expect(facts.taskNoun.trim()).not.toBe("");
    const writer = writerOf(type);
    expect(AGENT_ROLES).toContain(writer);
    expect(WRITER_ROLES).toContain(writer);
    const definition = ROLES[writer];
    expect(definition.jobSchema).toBe(draftJobSchema);
    expect("outputSchema" in definition && "outputSpec" in definition && "toDraft" in definition).toBe(true);
  });

  it("gives the labels the portals and the notifications show", () => {
    expect(DELIVERABLE_TYPES.map((t) => deliverableTypeLabel(t))).toEqual(["blog post", "social post", "strategy"]);
    expect(deliverableTypeLabel("blog_post", { capitalized: true })).toBe("Blog post");
    expect(DELIVERABLE_TYPES.map(deliverableTypePluralLabel)).toEqual([
      "Blog posts",
      "Social posts",
      "Strategy documents",
    ]);
  });
});
