import { randomUUID } from "node:crypto";
import { AppError } from "@leadmetrics/errors";
import { queueTelemetry } from "@leadmetrics/telemetry";
import { type ConnectionOptions, type JobsOptions, Queue } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import {
  agentQueue,
  DEFAULT_JOB_OPTIONS,
  type DraftJob,
  type NotificationJob,
  type PayloadOf,
  type PlanJob,
  type PublishJob,
  QUEUE_EVENTS_MAX_LEN,
  QUEUES,
  type QueueName,
  type WriterRole,
} from "./registry";

export interface QueueClientOptions {
  connection: ConnectionOptions;
  /** How long an enqueue may wait for Redis before it fails with a 503 (default 3 s). */
  enqueueTimeoutMs?: number;
  /** Key prefix of every queue (tests give each file its own). */
  prefix?: string;
  /** Override the defaults (tests shorten backoff). */
  jobOptions?: Partial<JobsOptions>;
}

export class InvalidJobPayloadError extends AppError {
  constructor(queue: string, issues: unknown) {
    super(500, "INVALID_JOB_PAYLOAD", `refused to enqueue an invalid ${queue} job`, issues);
  }
}

/** Ids of replayed jobs start with this: a replay runs under its own id even on a queue with static ids. */
export const REPLAY_JOB_PREFIX = "replay-";

/**
 * Validates a payload against its queue's schema and works out its job id (the queue's static
 * id, else the given one, else a fresh uuid) and dedupe key. Shared by enqueue and the outbox.
 */
export function prepareJob<Q extends QueueName>(name: Q, payload: PayloadOf<Q>, jobId?: string) {
  const def = QUEUES[name];
  const parsed = def.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidJobPayloadError(name, parsed.error.issues);
  const data = parsed.data as PayloadOf<Q>;
  const staticId =
    "staticJobId" in def && def.staticJobId ? (def.staticJobId as (p: PayloadOf<Q>) => string)(data) : undefined;
  const dedupeId =
    "dedupeKey" in def && def.dedupeKey ? (def.dedupeKey as (p: PayloadOf<Q>) => string)(data) : undefined;
  // The failed original keeps its static id in BullMQ for days; a replay under that id would be a no-op.
  const id = jobId?.startsWith(REPLAY_JOB_PREFIX) ? jobId : (staticId ?? jobId ?? randomUUID());
  return { data, jobId: id, deduplication: dedupeId ? { id: dedupeId } : undefined };
}

/**
 * The only way anything adds a job: the payload is validated against its queue's schema first,
 * and the job id follows the queue's strategy (static id, or unique id + dedupe key).
 */
export function createQueueClient(opts: QueueClientOptions) {
  // One connection for every queue of the process (BullMQ shares a passed-in client), created
  // on first use. It queues commands while Redis reconnects; enqueue bounds the wait instead.
  let shared: Redis | undefined;
  const connection = () => {
    if (!shared) {
      shared = new Redis({
        ...(opts.connection as RedisOptions),
        enableOfflineQueue: true,
        maxRetriesPerRequest: null,
        lazyConnect: false,
      });
      shared.on("error", () => {}); // reconnects by itself; a stuck enqueue answers 503
    }
    return shared;
  };
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: connection(),
        prefix: opts.prefix,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...opts.jobOptions },
        streams: { events: { maxLen: QUEUE_EVENTS_MAX_LEN } },
        telemetry: queueTelemetry(),
      });
      q.on("error", () => {}); // connection errors surface as enqueue failures, with a clear 503
      queues.set(name, q);
    }
    return q;
  };
  const timeoutMs = opts.enqueueTimeoutMs ?? 3_000;

  async function enqueue<Q extends QueueName>(
    name: Q,
    payload: PayloadOf<Q>,
    extra: Partial<JobsOptions> = {},
  ): Promise<string> {
    const { data, jobId, deduplication } = prepareJob(name, payload, extra.jobId);
    const options: JobsOptions = { ...extra, jobId, ...(deduplication ? { deduplication } : {}) };
    let timer: NodeJS.Timeout | undefined;
    const job = await Promise.race([
      queue(name).add(name, data, options),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new AppError(503, "QUEUE_UNAVAILABLE", "The job queue is unavailable; retry shortly")),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return job.id ?? jobId;
  }

  return {
    enqueue,
    enqueueActivityPlanner: (p: PlanJob) => enqueue("agent__activity-planner", p),
    /** The writer of an activity's deliverable type, for one revision. */
    enqueueDraft: (role: WriterRole, p: DraftJob) => enqueue(agentQueue(role), p),
    enqueuePublisher: (p: PublishJob) => enqueue("agent__publisher", p),
    enqueueNotification: (p: NotificationJob) => enqueue("notifications__dispatch", p),
    queue,
    /** False while the shared connection is known to be down: callers can skip a doomed 3 s wait. */
    available: () => !shared || shared.status === "ready",
    /**
     * Is a job for this payload waiting, delayed or running? Looked up by the dedupe key the
     * queue's definition gives the payload (used by the reconciler).
     */
    async hasLiveJob<Q extends QueueName>(name: Q, payload: PayloadOf<Q>): Promise<boolean> {
      const { deduplication } = prepareJob(name, payload);
      if (!deduplication) throw new Error(`the ${name} queue has no dedupe key: its live jobs cannot be looked up`);
      const jobId = await queue(name).getDeduplicationJobId(deduplication.id);
      if (!jobId) return false;
      const state = await queue(name).getJobState(jobId);
      return (
        state === "waiting" ||
        state === "active" ||
        state === "delayed" ||
        state === "prioritized" ||
        state === "waiting-children"
      );
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      shared?.disconnect();
    },
  };
}

export type QueueClient = ReturnType<typeof createQueueClient>;
