import type { WriterRole } from "@leadmetrics/catalog";
import {
  type Activity,
  type ClientContext,
  type ContentVersion,
  type Prisma,
  type Skill,
  type TenantTx,
  tenantSqlStatement,
  uuidv7,
} from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";
import { applyTransition, findActivity } from "@leadmetrics/pipeline";
import { PermanentJobError } from "@leadmetrics/queue";
import { z } from "zod";
import { withAgentRun } from "../agent-run";
import { buildActivityPrompt } from "../prompt";
import { type AgentRoleDefinition, defineAgentRole, type RoleDeps, type RoleJobContext } from "./types";

export interface DraftContent {
  title: string;
  body: string;
  extra?: Prisma.InputJsonValue;
}

/**
 * Every writer's answer also carries its account of what it changed for the feedback: kept apart
 * from the content (a note in the body would be published), shown to reviewers beside the draft.
 */
const changeNoteField = z.object({ changeNote: z.string().max(2_000).optional() });
const CHANGE_NOTE_SPEC =
  ' Also include "changeNote": when the brief carries reviewer feedback, one or two sentences on what you changed for it (shown to the reviewer, never published); otherwise "". Never write notes about the feedback into the content itself.';

/** Everything that makes one writer role: how it runs, what it asks the model and how it stores the answer. */
export interface ContentWriterSpec<R extends WriterRole, S extends z.ZodType> {
  role: R;
  concurrency: number;
  /** LLM jobs run for minutes: the lock must outlive a slow answer. */
  lockDurationMs: number;
  outputSchema: S;
  /** Tells the model the JSON to return (for this activity: a social post's network has its own limits). */
  outputSpec: string | ((activity: Activity) => string);
  /** A valid answer for the offline adapter (its long text fields are generated). */
  offlineAnswer: (activity: Activity) => z.infer<S>;
  toDraft: (output: z.infer<S>, activity: Activity) => DraftContent;
  /** Keeps the role's current-content row (BlogPost, SocialPost) in step with the draft. */
  storeCurrent?: (tx: TenantTx, activity: Activity, draft: DraftContent) => Promise<void>;
}

export type ContentWriterDefinition<R extends WriterRole, S extends z.ZodType> = AgentRoleDefinition<R> &
  Omit<ContentWriterSpec<R, S>, "role" | "concurrency" | "lockDurationMs">;

/**
 * Everything a draft's prompt reads, in one statement: the tenant's name, its newest client
 * context, the role's skills (the platform's and the tenant's own), the prior version and the
 * feedback that sent the activity back to drafting (the newest).
 */
const promptInputs = tenantSqlStatement<
  {
    tenantName: string | null;
    context: Pick<ClientContext, "version" | "brandVoice" | "audience" | "products"> | null;
    skills: Pick<Skill, "name" | "instructions">[];
    prior: Pick<ContentVersion, "number" | "title" | "body"> | null;
    feedback: { action: string; feedback: string } | null;
  },
  [role: string, priorVersionId: string | null, activityId: string]
>(
  `SELECT
     (SELECT "name" FROM "Tenant" WHERE "id" = $1) AS "tenantName",
     (SELECT json_build_object('version', "version", 'brandVoice', "brandVoice", 'audience', "audience", 'products', "products")
        FROM "ClientContext" WHERE "tenantId" = $1 ORDER BY "version" DESC LIMIT 1) AS "context",
     (SELECT coalesce(json_agg(json_build_object('name', "name", 'instructions', "instructions") ORDER BY "createdAt"), '[]')
        FROM "Skill" WHERE "role" = $2 AND "enabled" AND ("tenantId" IS NULL OR "tenantId" = $1)) AS "skills",
     (SELECT json_build_object('number', "number", 'title', "title", 'body', "body")
        FROM "ContentVersion" WHERE "tenantId" = $1 AND "id" = $3::uuid) AS "prior",
     (SELECT json_build_object('action', "action", 'feedback', "feedback")
        FROM "ActivityEvent" WHERE "tenantId" = $1 AND "activityId" = $4::uuid AND "toStatus" = 'drafting' AND "feedback" IS NOT NULL
        ORDER BY "createdAt" DESC LIMIT 1) AS "feedback"`,
);

/** The next version's number is counted in the insert itself. */
const insertVersion = tenantSqlStatement<
  { id: string },
  [
    id: string,
    activityId: string,
    revision: number,
    title: string,
    body: string,
    changeNote: string | null,
    extra: string | null,
    agentRunId: string,
    offline: boolean,
    createdAt: string,
  ]
>(
  `INSERT INTO "ContentVersion" ("tenantId", "id", "activityId", "number", "revision", "title", "body", "changeNote", "extra", "authorType", "agentRunId", "offline", "createdAt")
   VALUES ($1, $2::uuid, $3::uuid, (SELECT count(*) + 1 FROM "ContentVersion" WHERE "tenantId" = $1 AND "activityId" = $3::uuid),
     $4::int, $5, $6, $7, $8::jsonb, 'agent', $9::uuid, $10, $11::timestamp)
   RETURNING "id"::text AS "id"`,
);

/**
 * A content role: brief + context + skills + prior output + feedback → a draft of the role's
 * schema → a new ContentVersion, and the activity moves to DM review. Idempotent per revision.
 */
export function contentWriter<R extends WriterRole, S extends z.ZodType>(
  spec: ContentWriterSpec<R, S>,
): ContentWriterDefinition<R, S> {
  const outputSchema = z.intersection(spec.outputSchema, changeNoteField);
  const handle = async (ctx: RoleJobContext<WriterRole>, deps: RoleDeps) => {
    const { payload, log, tdb } = ctx;
    const activity = await findActivity(tdb, payload.activityId);
    if (!activity) throw new PermanentJobError("activity not found for this tenant");
    // A job for an older revision, or for work already done, is a no-op (at-least-once delivery).
    if (activity.status !== "drafting" || activity.revision !== payload.revision) {
      log.info({ status: activity.status, revision: activity.revision }, "draft job is stale; nothing to do");
      return { skipped: true };
    }
    const live = { tenantId: activity.tenantId, role: spec.role, activityId: activity.id };
    const stream = (entry: Parameters<typeof deps.realtime.appendOutput>[1]) =>
      deps.realtime.appendOutput(activity.id, entry).catch((err) => log.warn({ err }, "output not streamed"));
    const flow = { tdb, outbox: deps.outbox, log, realtime: deps.realtime };
    // Chunks are appended in order; the SSE route replays them to whoever is watching.
    let pending = Promise.resolve();

    const outcome = await withAgentRun(ctx, deps, {
      role: spec.role,
      runKey: `${spec.role}:${activity.id}:r${payload.revision}`,
      link: { activityId: activity.id, revision: payload.revision, wakeReason: payload.wakeReason },
      outputSchema,
      async prompt() {
        const [inputs] = await tdb.$sql.rows(promptInputs, spec.role, activity.currentVersionId, activity.id);
        if (!inputs?.tenantName) throw new Error("tenant not found");
        const built = buildActivityPrompt({
          tenantName: inputs.tenantName,
          activity,
          context: inputs.context,
          skills: inputs.skills,
          priorOutput: inputs.prior,
          wakeReason: payload.wakeReason,
          feedback: inputs.feedback
            ? [
                {
                  from: inputs.feedback.action === "client_reject" ? ("client" as const) : ("reviewer" as const),
                  text: inputs.feedback.feedback,
                },
              ]
            : [],
          outputSpec:
            (typeof spec.outputSpec === "function" ? spec.outputSpec(activity) : spec.outputSpec) + CHANGE_NOTE_SPEC,
        });
        const offlineAnswer = { ...(spec.offlineAnswer(activity) as object), changeNote: "" };
        return { ...built, offlineAnswer: offlineAnswer as z.infer<typeof outputSchema> };
      },
      async onStart() {
        await deps.realtime
          .agentState({ ...live, state: "started", detail: `revision ${payload.revision}` })
          .catch(() => {});
      },
      onChunk(text) {
        pending = pending.then(() => stream({ revision: payload.revision, kind: "chunk", text }));
      },
      async store(result, run) {
        await pending;
        const draft = spec.toDraft(result.value, activity);
        const changeNote = result.value.changeNote?.trim() || null;
        const offline = result.calls.some((c) => c.offline);
        await applyTransition(flow, {
          activityId: activity.id,
          action: "draft_ready",
          actor: { type: "agent", id: run.id },
          requestId: payload.requestId,
          within: async (tx, current) => {
            if (current.revision !== payload.revision)
              throw new AppError(409, "STALE_VERSION", "a newer revision was requested meanwhile");
            const [version] = await tx.$sql.rows(
              insertVersion,
              uuidv7(),
              current.id,
              payload.revision,
              draft.title,
              draft.body,
              changeNote,
              draft.extra === undefined ? null : JSON.stringify(draft.extra),
              run.id,
              offline,
              new Date().toISOString(),
            );
            await spec.storeCurrent?.(tx, current, draft);
            await run.settle(tx);
            return { currentVersionId: version!.id, title: draft.title, lastError: null };
          },
        });
        await stream({ revision: payload.revision, kind: "done", status: "dm_review" });
        await deps.realtime.agentState({ ...live, state: "finished" }).catch(() => {});
        return { versionCreated: true, repaired: result.repaired };
      },
      async onFailed(reason) {
        await stream({ revision: payload.revision, kind: "error", text: reason, status: "needs_attention" });
        await deps.realtime.agentState({ ...live, state: "failed", detail: reason }).catch(() => {});
        await applyTransition(flow, {
          activityId: activity.id,
          action: "draft_failed",
          actor: { type: "system" },
          requestId: payload.requestId,
          within: async () => ({ lastError: reason.slice(0, 2_000) }),
        }).catch((e) => log.warn({ err: e }, "could not move the activity to needs_attention"));
      },
    });
    return outcome.skipped ? { skipped: true } : outcome.value;
  };

  const { role, concurrency, lockDurationMs, ...writer } = spec;
  return { ...defineAgentRole<R>(role, { concurrency, lockDurationMs, handle }), ...writer };
}
