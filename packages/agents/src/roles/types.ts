import { type AgentRole, agentRoleLabel, creditsPerRun } from "@leadmetrics/catalog";
import type { PublishDeps } from "@leadmetrics/channels";
import {
  type AgentQueueName,
  agentQueue,
  createWorker,
  type JobContext,
  type OutboxRelay,
  QUEUES,
  type Worker,
  type WorkerOptions,
} from "@leadmetrics/queue";
import type { RealtimePublisher } from "@leadmetrics/realtime";
import type { AdapterRegistry } from "../adapters";

export interface AgentDefaults {
  adapter: string;
  model: string;
  temperature: number;
}

/** What every role handler is given besides its job. */
export interface RoleDeps {
  /** Hands the follow-up jobs a transition staged to BullMQ after the commit. */
  outbox: OutboxRelay;
  adapters: AdapterRegistry;
  /**
   * Publishing destinations: the sealing key, the guarded fetch for tenants' sites, each social
   * network's client, signed media links (the tenant client and the job's signal come per job).
   */
  channels: Omit<PublishDeps, "tdb" | "signal">;
  defaults: AgentDefaults;
  /** Live agent state, streamed output and status announcements. */
  realtime: RealtimePublisher;
}

/** The job context of a role's own queue: its payload, and a tenant client that is never null. */
export type RoleJobContext<R extends AgentRole> = JobContext<AgentQueueName<R>>;

/** What a role's author writes: how many jobs at once, how long one may hold its lock, and its handler. */
export interface RoleSpec<R extends AgentRole> {
  concurrency: number;
  /** LLM jobs run for minutes: the lock must outlive a slow answer. */
  lockDurationMs: number;
  handle(ctx: RoleJobContext<R>, deps: RoleDeps): Promise<unknown>;
}

/** Options of a role's worker that come from the process (connection, logger, …), not from the role. */
export type RoleWorkerOptions = Omit<WorkerOptions, "concurrency" | "lockDuration"> & {
  /** Overrides the role's own lock duration (tests shorten it). */
  lockDuration?: number;
};

/**
 * A role, whole: its catalogue facts (label, price), its queue and job schema, and what its
 * author wrote. Built by `defineAgentRole`, so the queue and the price can only be the role's own.
 */
export interface AgentRoleDefinition<R extends AgentRole = AgentRole> extends RoleSpec<R> {
  role: R;
  label: string;
  creditsPerRun: number;
  queue: AgentQueueName<R>;
  jobSchema: (typeof QUEUES)[AgentQueueName<R>]["schema"];
  /** Starts the worker that consumes the role's queue. */
  startWorker(deps: RoleDeps, options: RoleWorkerOptions): Worker;
}

export function defineAgentRole<R extends AgentRole>(role: R, spec: RoleSpec<R>): AgentRoleDefinition<R> {
  const queue = agentQueue(role);
  return {
    role,
    label: agentRoleLabel(role),
    creditsPerRun: creditsPerRun(role),
    queue,
    jobSchema: QUEUES[queue].schema,
    ...spec,
    startWorker: (deps, options) =>
      createWorker(queue, (ctx) => spec.handle(ctx, deps), {
        ...options,
        concurrency: spec.concurrency,
        lockDuration: options.lockDuration ?? spec.lockDurationMs,
      }),
  };
}
