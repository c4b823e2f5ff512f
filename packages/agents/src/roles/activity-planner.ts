import { deliverableTypeLabel } from "@leadmetrics/catalog";
import type { DeliverablePlan, DeliverablePlanItem } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { PermanentJobError } from "@leadmetrics/queue";
import { z } from "zod";
import { withAgentRun } from "../agent-run";
import { defineAgentRole } from "./types";

const DAY = 86_400_000;

/** The periods of a plan: weekly or monthly, from its start date. */
export function planPeriods(plan: Pick<DeliverablePlan, "cadence" | "startDate" | "periodCount">) {
  return Array.from({ length: plan.periodCount }, (_, index) => {
    const start = new Date(plan.startDate);
    let end: Date;
    if (plan.cadence === "weekly") {
      start.setTime(start.getTime() + index * 7 * DAY);
      end = new Date(start.getTime() + 6 * DAY);
    } else {
      start.setUTCMonth(start.getUTCMonth() + index);
      end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()) - DAY);
    }
    return { index, startsOn: start, endsOn: end };
  });
}

/** Every deliverable the plan asks for, numbered within its period. */
export function planSlots(
  periodCount: number,
  items: Pick<DeliverablePlanItem, "deliverableType" | "quantity" | "channel" | "channelId" | "notes">[],
) {
  const slots: {
    periodIndex: number;
    slot: number;
    type: DeliverablePlanItem["deliverableType"];
    channel: string | null;
    channelId: string | null;
    notes: string | null;
  }[] = [];
  for (let periodIndex = 0; periodIndex < periodCount; periodIndex++) {
    let slot = 0;
    for (const item of items)
      for (let q = 0; q < item.quantity; q++)
        slots.push({
          periodIndex,
          slot: slot++,
          type: item.deliverableType,
          channel: item.channel,
          channelId: item.channelId,
          notes: item.notes,
        });
  }
  return slots;
}

const briefSchema = z.object({
  topic: z.string().min(3).max(200),
  keyword: z.string().max(80),
  format: z.string().max(80),
});

/**
 * activity-planner: an approved plan → its periods and one Activity per deliverable, each with a
 * brief proposed by the model; every new activity starts drafting. Idempotent per plan.
 */
export const activityPlanner = defineAgentRole("activity-planner", {
  concurrency: 2,
  lockDurationMs: 5 * 60_000,
  async handle(ctx, deps) {
    const { payload, log, tdb } = ctx;
    const plan = await tdb.deliverablePlan.findFirst({ where: { id: payload.planId }, include: { items: true } });
    if (!plan) throw new PermanentJobError("plan not found for this tenant");
    if (plan.status !== "approved")
      throw new PermanentJobError(
        `plan is ${plan.status}, not approved: nothing is planned without the client's approval`,
      );
    const periods = planPeriods(plan);
    const slots = planSlots(plan.periodCount, plan.items);

    await withAgentRun(ctx, deps, {
      role: "activity-planner",
      runKey: `activity-planner:${plan.id}`,
      link: { planId: plan.id },
      outputSchema: z.object({ briefs: z.array(briefSchema).length(slots.length) }),
      async prompt() {
        const [tenant, context] = await Promise.all([
          tdb.tenant.findFirstOrThrow({ select: { name: true } }),
          tdb.clientContext.findFirst({ orderBy: { version: "desc" } }),
        ]);
        const prompt = [
          `Plan the content calendar "${plan.name}" for ${tenant.name}: ${slots.length} deliverables over ${plan.periodCount} ${plan.cadence === "weekly" ? "weeks" : "months"}.`,
          context
            ? `Brand voice: ${context.brandVoice}\nAudience: ${context.audience}\nProducts: ${context.products}`
            : "No client context yet.",
          "Deliverables, in order:",
          ...slots.map(
            (s, i) =>
              `${i + 1}. period ${s.periodIndex + 1}: ${deliverableTypeLabel(s.type)}${s.channel ? ` for ${s.channel}` : ""}${s.notes ? ` (${s.notes})` : ""}`,
          ),
          `Respond with JSON only: {"briefs": [${slots.length} objects, in the same order: {"topic": string, "keyword": string, "format": string}]} — distinct topics, no repeats.`,
        ].join("\n");
        const offlineAnswer = {
          briefs: slots.map((s, i) => ({
            topic: `${tenant.name}: ${deliverableTypeLabel(s.type)} idea ${i + 1}`,
            keyword: "digital marketing",
            format: s.type === "blog_post" ? "how-to guide" : s.type === "social_post" ? "short post" : "plan",
          })),
        };
        return { system: `You plan digital-marketing content for ${tenant.name}.`, prompt, offlineAnswer };
      },
      store: (result, run) =>
        tdb.$transaction(async (tx) => {
          await tx.deliverablePeriod.createMany({
            data: periods.map((p) => ({
              tenantId: plan.tenantId,
              planId: plan.id,
              index: p.index,
              startsOn: p.startsOn,
              endsOn: p.endsOn,
              plannedCount: slots.filter((s) => s.periodIndex === p.index).length,
            })),
            skipDuplicates: true,
          });
          const stored = await tx.deliverablePeriod.findMany({
            where: { planId: plan.id },
            select: { id: true, index: true, endsOn: true },
          });
          const byIndex = new Map(stored.map((p) => [p.index, p]));
          await tx.activity.createMany({
            data: slots.map((s, i) => {
              const brief = result.value.briefs[i]!;
              const period = byIndex.get(s.periodIndex)!;
              return {
                tenantId: plan.tenantId,
                planId: plan.id,
                periodId: period.id,
                slot: s.slot,
                type: s.type,
                channel: s.channel,
                channelId: s.channelId,
                topic: brief.topic,
                keyword: brief.keyword || null,
                format: brief.format || null,
                dueOn: period.endsOn,
              };
            }),
            skipDuplicates: true,
          });
          await run.settle(tx);
        }),
    });

    // Start every activity of the plan that has not started yet (also after a crash mid-way).
    const planned = await tdb.activity.findMany({
      where: { planId: plan.id, status: "planned" },
      select: { id: true },
    });
    for (const a of planned) {
      await applyTransition(
        { tdb, outbox: deps.outbox, log, realtime: deps.realtime },
        { activityId: a.id, action: "start_drafting", actor: { type: "system" }, requestId: payload.requestId },
      );
    }
    log.info({ started: planned.length }, "plan activities started");
    return { started: planned.length };
  },
});
