import { ACTIVITY_STATUSES, CHANNEL_KINDS, DELIVERABLE_TYPES } from "@leadmetrics/catalog";
import { CHANNEL_HEALTHS } from "@leadmetrics/db";
import { type ActivityAction, TRANSITIONS } from "@leadmetrics/pipeline";
import { z } from "zod";

export { ACTIVITY_STATUSES, DELIVERABLE_TYPES };

export const activitySummarySchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  planId: z.uuid(),
  type: z.enum(DELIVERABLE_TYPES),
  topic: z.string().describe("The brief's topic, as planned"),
  title: z.string().describe("What the work is called: its current version's title, or the topic before a draft"),
  keyword: z.string().nullable(),
  format: z.string().nullable(),
  channel: z.string().nullable().describe("The network a social post is written for (linkedin, x, …)"),
  channelId: z.uuid().nullable().describe("The connected site or account chosen for it; null: the first of its kind"),
  status: z.enum(ACTIVITY_STATUSES),
  version: z.number().int(),
  revision: z.number().int(),
  dmRejectionCount: z.number().int(),
  clientRejectionCount: z.number().int(),
  publishedUrl: z.string().nullable(),
  lastError: z.string().nullable(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An activity as the board's card shows it: the summary, its plan, when it went live, who is writing it. */
export const activityCardSchema = activitySummarySchema.extend({
  planName: z.string(),
  publishedAt: z.string().nullable().describe("When it was published, if it was"),
  activeRun: z
    .object({ id: z.uuid(), role: z.string(), startedAt: z.string() })
    .nullable()
    .describe("The agent run drafting it now; null unless it is being drafted"),
});

export const contentVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  revision: z.number().int(),
  title: z.string(),
  body: z.string(),
  extra: z.unknown(),
  authorType: z.enum(["user", "agent", "system"]),
  authorUserId: z.uuid().nullable(),
  agentRunId: z.uuid().nullable(),
  offline: z.boolean().describe("Written by the offline (deterministic, non-AI) adapter"),
  changeNote: z
    .string()
    .nullable()
    .describe("The writer's account of what it changed for the feedback; never published"),
  createdAt: z.string(),
});

/** How an activity's history names a person's part: their workspace role, or reviewer (platform staff). */
export const EVENT_ACTOR_ROLES = ["owner", "admin", "member", "reviewer"] as const;
export type EventActorRole = (typeof EVENT_ACTOR_ROLES)[number];

export const activityEventSchema = z.object({
  id: z.uuid(),
  action: z.enum(Object.keys(TRANSITIONS) as [ActivityAction, ...ActivityAction[]]),
  actorType: z.enum(["user", "agent", "system"]),
  actorId: z.string().nullable(),
  fromStatus: z.enum(ACTIVITY_STATUSES).nullable(),
  toStatus: z.enum(ACTIVITY_STATUSES),
  feedback: z.string().nullable(),
  actorName: z.string().nullable().describe("The person who acted (user actors); null for agents and the system"),
  actorRole: z
    .enum(EVENT_ACTOR_ROLES)
    .nullable()
    .describe("The person's role in the workspace, or reviewer for platform staff"),
  versionNumber: z.number().int().nullable().describe("The newest version when it happened; null before a draft"),
  createdAt: z.string(),
});

/** Where the activity goes once approved, and the state of the channel it would be published to. */
export const publishToSchema = z
  .object({
    target: z
      .enum(["wordpress", "social", "app"])
      .describe("wordpress: a connected WordPress site; social: a connected social account; app: delivered in the app"),
    channel: z
      .object({
        id: z.uuid(),
        kind: z.enum(CHANNEL_KINDS),
        name: z.string(),
        siteUrl: z.string().nullable(),
        accountHandle: z.string().nullable(),
        avatarUrl: z.string().nullable(),
        health: z.enum(CHANNEL_HEALTHS),
        lastError: z.string().nullable(),
        lastCheckedAt: z.string().nullable(),
      })
      .nullable()
      .describe("The channel it would be published to now; null when none is connected (or none is needed)"),
  })
  .meta({ id: "PublishTo" });

export const activityDetailSchema = activitySummarySchema.extend({
  planName: z.string(),
  mediaIds: z.array(z.uuid()).describe("A social post's images (media library ids), in order"),
  publishTo: publishToSchema,
  currentVersionId: z.uuid().nullable(),
  versions: z.array(contentVersionSchema),
  events: z.array(activityEventSchema),
});

type Dated = { createdAt: Date; updatedAt?: Date; dueOn?: Date | null };
const iso = (d: Date) => d.toISOString();

export function toActivitySummary<T extends Dated & { topic: string; title: string | null } & Record<string, unknown>>(
  a: T,
) {
  return {
    ...a,
    title: a.title ?? a.topic,
    dueOn: a.dueOn ? a.dueOn.toISOString().slice(0, 10) : null,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt ?? a.createdAt),
  };
}
export function toActivityCard<
  T extends Dated & {
    topic: string;
    title: string | null;
    publishedAt: Date | null;
    activeRun: { id: string; role: string; startedAt: Date } | null;
  } & Record<string, unknown>,
>(a: T) {
  return {
    ...toActivitySummary(a),
    publishedAt: a.publishedAt ? iso(a.publishedAt) : null,
    activeRun: a.activeRun ? { ...a.activeRun, startedAt: iso(a.activeRun.startedAt) } : null,
  };
}
export const toVersion = <T extends { createdAt: Date }>(v: T) => ({ ...v, createdAt: iso(v.createdAt) });
export const toEvent = <T extends { createdAt: Date }>(e: T) => ({ ...e, createdAt: iso(e.createdAt) });

export const expectedVersionField = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe("The activity version you saw; a newer one answers 409");
export const feedbackField = z.string().trim().min(3).max(5_000);
