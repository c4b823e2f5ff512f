import { AGENT_ROLES, type AgentRole, agentRoleLabel, WRITER_ROLES, type WriterRole } from "@leadmetrics/catalog";
import {
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
} from "@leadmetrics/notification-events";
import { z } from "zod";

export { AGENT_ROLES, type AgentRole, type WriterRole };

export const NOTIFICATION_CHANNELS = ["email", "in_app", "push", "whatsapp", "telegram"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const WAKE_REASONS = ["new_task", "rejection", "review_approved"] as const;
export type WakeReason = (typeof WAKE_REASONS)[number];

const base = {
  tenantId: z.uuid(),
  /** The API request that caused this job: in every log line of the worker. */
  requestId: z.string().max(128).optional(),
};

export const planJobSchema = z.strictObject({ ...base, planId: z.uuid() });
export const draftJobSchema = z.strictObject({
  ...base,
  activityId: z.uuid(),
  revision: z.number().int().min(0),
  wakeReason: z.enum(WAKE_REASONS),
});
export const publishJobSchema = z.strictObject({ ...base, activityId: z.uuid(), attempt: z.number().int().min(0) });

export const notificationJobSchema = z.strictObject({
  tenantId: z.uuid().nullable(),
  requestId: z.string().max(128).optional(),
  recipient: z.union([
    z.strictObject({ userId: z.uuid() }),
    z.strictObject({ email: z.email() }),
    z.strictObject({ group: z.enum(["dm_reviewers", "operators", "tenant_admins"]) }),
  ]),
  event: z.enum(NOTIFICATION_EVENTS as [NotificationEvent, ...NotificationEvent[]]),
  data: z.record(z.string(), z.unknown()),
  /** Stable key: a retried send never delivers twice. */
  dedupeKey: z.string().max(200),
});

/** The events whose emails are batched per recipient (`digest` in their definition). */
export const DIGEST_EVENTS = NOTIFICATION_EVENTS.filter(
  (e) => (NOTIFICATION_EVENT_DEFINITIONS[e] as EventDefinition).digest,
) as [NotificationEvent, ...NotificationEvent[]];

/** One recipient's digest of one event: the window opened by the waiting row `windowId`. */
export const digestJobSchema = z.strictObject({
  requestId: z.string().max(128).optional(),
  userId: z.uuid(),
  event: z.enum(DIGEST_EVENTS),
  windowId: z.uuid(),
});

/** Renew one connected account's OAuth tokens before they expire. */
export const tokenRefreshJobSchema = z.strictObject({ ...base, channelId: z.uuid() });

export type PlanJob = z.infer<typeof planJobSchema>;
export type TokenRefreshJob = z.infer<typeof tokenRefreshJobSchema>;
export type DraftJob = z.infer<typeof draftJobSchema>;
export type PublishJob = z.infer<typeof publishJobSchema>;
export type NotificationJob = z.infer<typeof notificationJobSchema>;
export type DigestJob = z.infer<typeof digestJobSchema>;

export interface QueueDefinition<S extends z.ZodType = z.ZodType> {
  schema: S;
  /**
   * While a job with this key is waiting or running, another enqueue with the same key is
   * dropped; BullMQ clears the key when the job completes or fails, so a later re-enqueue runs.
   */
  dedupeKey?: (payload: z.infer<S>) => string;
  /** Idempotent setup: at most one job ever for this id (kept while BullMQ keeps the job). */
  staticJobId?: (payload: z.infer<S>) => string;
}

const define = <S extends z.ZodType>(d: QueueDefinition<S>) => d;

/** One send per message, channel and recipient. */
const channelKey = (channel: NotificationChannel, p: NotificationJob) => {
  const r = p.recipient;
  return `${channel}-${p.dedupeKey}-${"userId" in r ? r.userId : "email" in r ? r.email : r.group}`;
};

/** One draft job per activity revision; every writer role consumes these. */
const draftQueue = define({ schema: draftJobSchema, dedupeKey: (p) => `draft-${p.activityId}-r${p.revision}` });

/**
 * The job of each agent role that is not a writer (writers all take draft jobs). Keyed by the
 * catalogue: a new role without its job here does not compile.
 */
const OTHER_AGENT_JOBS = {
  "activity-planner": define({ schema: planJobSchema, staticJobId: (p) => `plan-${p.planId}` }),
  publisher: define({ schema: publishJobSchema, dedupeKey: (p) => `publish-${p.activityId}-a${p.attempt}` }),
} satisfies Record<Exclude<AgentRole, WriterRole>, QueueDefinition>;

/** The queue each agent role consumes: `agent__{role}`. */
export type AgentQueueName<R extends AgentRole = AgentRole> = `agent__${R}`;
export const agentQueue = <R extends AgentRole>(role: R): AgentQueueName<R> => `agent__${role}`;

type AgentQueues = { [R in WriterRole as AgentQueueName<R>]: typeof draftQueue } & {
  [R in keyof typeof OTHER_AGENT_JOBS as AgentQueueName<R>]: (typeof OTHER_AGENT_JOBS)[R];
};
const agentQueues = Object.fromEntries([
  ...WRITER_ROLES.map((role) => [agentQueue(role), draftQueue] as const),
  ...Object.entries(OTHER_AGENT_JOBS).map(([role, def]) => [`agent__${role}`, def] as const),
]) as AgentQueues;

/** Every queue of the platform: name → payload schema and id strategy. */
export const QUEUES = {
  ...agentQueues,
  notifications__dispatch: define({ schema: notificationJobSchema, dedupeKey: (p) => `notify-${p.dedupeKey}` }),
  // Delayed by the digest window; one per recipient, event and window.
  notifications__digest: define({
    schema: digestJobSchema,
    dedupeKey: (p) => `digest-${p.userId}-${p.event}-${p.windowId}`,
  }),
  notifications__email: define({ schema: notificationJobSchema, dedupeKey: (p) => channelKey("email", p) }),
  notifications__in_app: define({ schema: notificationJobSchema, dedupeKey: (p) => channelKey("in_app", p) }),
  notifications__push: define({ schema: notificationJobSchema, dedupeKey: (p) => channelKey("push", p) }),
  notifications__whatsapp: define({ schema: notificationJobSchema, dedupeKey: (p) => channelKey("whatsapp", p) }),
  notifications__telegram: define({ schema: notificationJobSchema, dedupeKey: (p) => channelKey("telegram", p) }),
  // One renewal at a time per account (the refresh itself also takes a lease on the row).
  channels__token_refresh: define({ schema: tokenRefreshJobSchema, dedupeKey: (p) => `token-refresh-${p.channelId}` }),
} as const;

export type QueueName = keyof typeof QUEUES;
export type PayloadOf<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["schema"]>;

/** The queues of the writer roles: each takes draft jobs. */
export type WriterQueueName = AgentQueueName<WriterRole>;

export const isQueueName = (name: string): name is QueueName => Object.hasOwn(QUEUES, name);

/**
 * Each queue's event stream (what QueueEvents listeners read; nothing here does) keeps about this
 * many events: BullMQ's default of 10,000 a queue grew Redis by half under a 5-minute load.
 */
export const QUEUE_EVENTS_MAX_LEN = 1_000;

/** BullMQ defaults for every job (failed jobs are kept a week and 500 deep, long enough to inspect). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 4,
  backoff: { type: "exponential" as const, delay: 5_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 500, age: 7 * 24 * 60 * 60 },
};

const OTHER_QUEUE_LABELS: Record<Exclude<QueueName, AgentQueueName>, string> = {
  channels__token_refresh: "Channel sign-in renewals",
  notifications__dispatch: "Notifications (sorting by channel)",
  notifications__digest: "Notification digests",
  notifications__email: "Email notifications",
  notifications__in_app: "In-app notifications",
  notifications__push: "Push notifications",
  notifications__whatsapp: "WhatsApp notifications",
  notifications__telegram: "Telegram notifications",
};

/** A queue's name for people: an agent's queue is its role ("Blog writer"); an unknown name stays as it is. */
export function queueLabel(name: string): string {
  if (!isQueueName(name)) return name;
  if (name.startsWith("agent__")) return agentRoleLabel(name.slice("agent__".length) as AgentRole);
  return OTHER_QUEUE_LABELS[name as keyof typeof OTHER_QUEUE_LABELS];
}
