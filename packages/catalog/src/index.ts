/**
 * What every part of the platform — portals included — may know about agent roles and
 * deliverable types. Server facts (job schemas, handlers, prompts, queue options) live in
 * @leadmetrics/queue and @leadmetrics/agents, keyed by these ids, so a missing entry there is a
 * compile error. This package has no dependencies: it is safe in a browser bundle.
 */

/** The client-safe facts of one agent role. */
export interface AgentRoleFacts {
  /** For people: "Blog writer". */
  label: string;
  /** Credits one run holds and spends: flat, so clients can plan their month. Required: no role runs for free by omission. */
  creditsPerRun: number;
  /** Whether its runs call a model, so its agent configuration (adapter, model, temperature) applies. */
  callsModel: boolean;
}

/** Every agent role. A new role is a new entry here, and its definition in @leadmetrics/agents. */
export const ROLE_CATALOG = {
  "activity-planner": { label: "Activity planner", creditsPerRun: 1, callsModel: true },
  "blog-writer": { label: "Blog writer", creditsPerRun: 10, callsModel: true },
  "social-post-writer": { label: "Social post writer", creditsPerRun: 2, callsModel: true },
  "strategy-writer": { label: "Strategy writer", creditsPerRun: 20, callsModel: true },
  publisher: { label: "Publisher", creditsPerRun: 0, callsModel: false },
} as const satisfies Record<string, AgentRoleFacts>;

export type AgentRole = keyof typeof ROLE_CATALOG;
export const AGENT_ROLES = Object.keys(ROLE_CATALOG) as [AgentRole, ...AgentRole[]];

export const isAgentRole = (value: string): value is AgentRole => Object.hasOwn(ROLE_CATALOG, value);

/** Credits a run of the role holds and spends. */
export const creditsPerRun = (role: AgentRole): number => ROLE_CATALOG[role].creditsPerRun;

/** The client-safe facts of one model adapter: what its agent configuration asks for. */
export interface AdapterFacts {
  /** For people: "OpenAI". */
  label: string;
  /** Whether the adapter takes a model name (the offline adapter answers from a script). */
  model: boolean;
  /** Whether the adapter passes a temperature on to the model. */
  temperature: boolean;
}

/** Every model adapter an agent role can run on (the agents package has one factory per entry). */
export const ADAPTER_CATALOG = {
  offline: { label: "Offline (no model)", model: false, temperature: false },
  anthropic: { label: "Anthropic", model: true, temperature: true },
  openai: { label: "OpenAI", model: true, temperature: true },
  gemini: { label: "Gemini", model: true, temperature: true },
  "claude-cli": { label: "Claude CLI", model: true, temperature: false },
} as const satisfies Record<string, AdapterFacts>;

export type AdapterName = keyof typeof ADAPTER_CATALOG;
export const ADAPTER_NAMES = Object.keys(ADAPTER_CATALOG) as [AdapterName, ...AdapterName[]];

/** Which fields of an agent configuration a role on an adapter uses: the one rule Manage's form follows. */
export interface AgentConfigFields {
  adapter: boolean;
  model: boolean;
  temperature: boolean;
  enabled: boolean;
}

export function agentConfigFields(role: AgentRole, adapter: AdapterName): AgentConfigFields {
  // A role that calls no model (the publisher) reads no configuration at all.
  if (!ROLE_CATALOG[role].callsModel) return { adapter: false, model: false, temperature: false, enabled: false };
  const facts = ADAPTER_CATALOG[adapter];
  return { adapter: true, model: facts.model, temperature: facts.temperature, enabled: true };
}

/** The client-safe facts of one deliverable type (the `DeliverableType` database enum). */
export interface DeliverableTypeFacts {
  /** In a sentence, lower case: "blog post" ("A blog post was published"). */
  label: string;
  /** A heading or form field for several: "Blog posts". */
  pluralLabel: string;
  /** What a writer is asked for in its prompt: "Write a {taskNoun} for …". */
  taskNoun: string;
  /** The agent role that drafts (and redrafts) it. */
  writer: AgentRole;
  /**
   * Where the publisher sends it once the client approves: a connected WordPress site, a social
   * network (none can be connected yet), or nowhere: it is delivered in the app.
   */
  publishTo: PublishTarget;
}

export type PublishTarget = "wordpress" | "social" | "app";

/** Every deliverable type. A new type is a new entry here and a value of the Prisma enum (with its migration). */
export const DELIVERABLE_CATALOG = {
  blog_post: {
    label: "blog post",
    pluralLabel: "Blog posts",
    taskNoun: "blog post",
    writer: "blog-writer",
    publishTo: "wordpress",
  },
  social_post: {
    label: "social post",
    pluralLabel: "Social posts",
    taskNoun: "social media post",
    writer: "social-post-writer",
    publishTo: "social",
  },
  strategy: {
    label: "strategy",
    pluralLabel: "Strategy documents",
    taskNoun: "marketing strategy document",
    writer: "strategy-writer",
    publishTo: "app",
  },
} as const satisfies Record<string, DeliverableTypeFacts>;

export type DeliverableTypeId = keyof typeof DELIVERABLE_CATALOG;
export const DELIVERABLE_TYPES = Object.keys(DELIVERABLE_CATALOG) as [DeliverableTypeId, ...DeliverableTypeId[]];

export const isDeliverableType = (value: string): value is DeliverableTypeId =>
  Object.hasOwn(DELIVERABLE_CATALOG, value);

/** A role that drafts some deliverable type: it consumes draft jobs. */
export type WriterRole = (typeof DELIVERABLE_CATALOG)[DeliverableTypeId]["writer"];
export const WRITER_ROLES = [...new Set(DELIVERABLE_TYPES.map((t) => DELIVERABLE_CATALOG[t].writer))] as [
  WriterRole,
  ...WriterRole[],
];

/** The role that drafts a deliverable of this type. */
export const writerOf = (type: DeliverableTypeId): WriterRole => DELIVERABLE_CATALOG[type].writer;

/** Where a deliverable of this type is published. */
export const publishTargetOf = (type: DeliverableTypeId): PublishTarget => DELIVERABLE_CATALOG[type].publishTo;

/** "blog post", or "Blog post" at the start of a sentence. */
export function deliverableTypeLabel(type: DeliverableTypeId, options: { capitalized?: boolean } = {}): string {
  const { label } = DELIVERABLE_CATALOG[type];
  return options.capitalized ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** "Blog posts": for headings, filters and form fields. */
export const deliverableTypePluralLabel = (type: DeliverableTypeId): string => DELIVERABLE_CATALOG[type].pluralLabel;

/** The role's name for people: "Blog writer". */
export const agentRoleLabel = (role: AgentRole): string => ROLE_CATALOG[role].label;

/** Who is looking: a status reads differently to the client than to the reviewers. */
export type StatusAudience = "client" | "reviewer";

/** Every activity status (the `ActivityStatus` database enum), in the order work moves, with its words. */
export const ACTIVITY_STATUS_CATALOG = {
  planned: { label: "Planned" },
  drafting: { label: "Drafting" },
  waiting_for_credits: { label: "Waiting for credits" },
  dm_review: { label: "In review", reviewer: "Waiting for you" },
  needs_attention: { label: "Needs attention" },
  client_review: { label: "Waiting for you", reviewer: "With the client" },
  client_approved: { label: "Approved" },
  publishing: { label: "Publishing" },
  published: { label: "Published" },
  publish_failed: { label: "Publishing failed" },
} as const satisfies Record<string, { label: string; reviewer?: string }>;

export type ActivityStatusId = keyof typeof ACTIVITY_STATUS_CATALOG;
export const ACTIVITY_STATUSES = Object.keys(ACTIVITY_STATUS_CATALOG) as [ActivityStatusId, ...ActivityStatusId[]];

export const isActivityStatus = (value: string): value is ActivityStatusId =>
  Object.hasOwn(ACTIVITY_STATUS_CATALOG, value);

/** "In review" to the client, "Waiting for you" to a reviewer. */
export function activityStatusLabel(status: ActivityStatusId, audience: StatusAudience = "client"): string {
  const facts: { label: string; reviewer?: string } = ACTIVITY_STATUS_CATALOG[status];
  return audience === "reviewer" ? (facts.reviewer ?? facts.label) : facts.label;
}

/** What approving a plan will cost in credits: the planner's run and each deliverable's first draft. */
export interface PlanCreditEstimate {
  planner: number;
  drafts: { deliverableType: DeliverableTypeId; count: number; creditsEach: number; credits: number }[];
  /** Planner and first drafts; each redraft asked for costs its writer's run again. */
  total: number;
}

export function planCreditEstimate(
  periodCount: number,
  items: readonly { deliverableType: DeliverableTypeId; quantity: number }[],
): PlanCreditEstimate {
  const counts = new Map<DeliverableTypeId, number>();
  for (const i of items) counts.set(i.deliverableType, (counts.get(i.deliverableType) ?? 0) + i.quantity * periodCount);
  const drafts = [...counts].map(([deliverableType, count]) => {
    const creditsEach = creditsPerRun(writerOf(deliverableType));
    return { deliverableType, count, creditsEach, credits: count * creditsEach };
  });
  const planner = creditsPerRun("activity-planner");
  return { planner, drafts, total: planner + drafts.reduce((n, d) => n + d.credits, 0) };
}
export * from "./channels";
