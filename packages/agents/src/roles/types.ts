import type { SecretBox } from "@leadmetrics/crypto";
import type { AgentRole, JobContext, OutboxRelay, QueueName } from "@leadmetrics/queue";
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
  secrets: SecretBox;
  /** fetch for tenants' own sites: public addresses only (createOutboundFetch). */
  outboundFetch: typeof fetch;
  defaults: AgentDefaults;
  /** Live agent state, streamed output and status announcements. */
  realtime: RealtimePublisher;
}

/** A role: its queue, how many jobs at once, how long one may hold its lock, and its handler. */
export interface RoleDefinition<Q extends QueueName = QueueName> {
  role: AgentRole;
  queue: Q;
  concurrency: number;
  /** LLM jobs run for minutes: the lock must outlive a slow answer. */
  lockDurationMs: number;
  handle(ctx: JobContext<Q>, deps: RoleDeps): Promise<unknown>;
}
