import { completeStructured } from "@leadmetrics/adapter-core";
import { CREDITS_PER_RUN } from "@leadmetrics/billing";
import type { Activity, Prisma, TenantDb, TenantTx } from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";
import { applyTransition } from "@leadmetrics/pipeline";
import { type JobContext, PermanentJobError, UnrecoverableError } from "@leadmetrics/queue";

import type { z } from "zod";
import { buildActivityPrompt, offlineExample } from "../prompt";
import { beginRun, completeRun, failRun, usageOf } from "../runs";
import { resolveAgentConfig } from "./config";
import type { RoleDefinition } from "./types";

type WriterQueue = "agent__blog-writer" | "agent__social-post-writer" | "agent__strategy-writer";

export interface DraftContent {
  title: string;
  body: string;
  extra?: Prisma.InputJsonValue;
}

export interface ContentWriterSpec<S extends z.ZodType> {
  role: "blog-writer" | "social-post-writer" | "strategy-writer";
  queue: WriterQueue;
  outputSchema: S;
  /** Tells the model the JSON to return. */
  outputSpec: string;
  /** A valid answer for the offline adapter (its long text fields are generated). */
  offlineAnswer: (activity: Activity) => z.infer<S>;
  toDraft: (output: z.infer<S>, activity: Activity) => DraftContent;
  /** Keeps the role's current-content row (BlogPost, SocialPost) in step with the draft. */
  storeCurrent?: (tx: TenantTx, activity: Activity, draft: DraftContent) => Promise<void>;
}

async function feedbackFor(tdb: TenantDb, activityId: string) {
  const events = await tdb.activityEvent.findMany({
    where: { activityId, toStatus: "drafting", feedback: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 1,
  });
  return events.map((e) => ({
    from: e.action === "client_reject" ? ("client" as const) : ("reviewer" as const),
    text: e.feedback!,
  }));
}

/**
 * A content role: brief + context + skills + prior output + feedback → a draft of the role's
 * schema → a new ContentVersion, and the activity moves to DM review. Idempotent per revision.
 */
export function contentWriter<S extends z.ZodType>(spec: ContentWriterSpec<S>): RoleDefinition<WriterQueue> {
  return {
    role: spec.role,
    queue: spec.queue,
    concurrency: 2,
    lockDurationMs: 5 * 60_000,
    async handle(ctx: JobContext<WriterQueue>, deps) {
      const { payload, log } = ctx;
      const tdb = ctx.tdb!;
      const activity = await tdb.activity.findFirst({ where: { id: payload.activityId } });
      if (!activity) throw new PermanentJobError("activity not found for this tenant");
      const runKey = `${spec.role}:${activity.id}:r${payload.revision}`;
      // A job for an older revision, or for work already done, is a no-op (at-least-once delivery).
      if (activity.status !== "drafting" || activity.revision !== payload.revision) {
        log.info({ status: activity.status, revision: activity.revision }, "draft job is stale; nothing to do");
        return { skipped: true };
      }
      if (await tdb.agentRun.findFirst({ where: { runKey, status: "succeeded" }, select: { id: true } }))
        return { skipped: true };

      const config = await resolveAgentConfig(tdb, spec.role, deps.defaults);
      const adapter = deps.adapters.get(config.adapter);
      const credits = CREDITS_PER_RUN[spec.role] ?? 0;
      const [tenant, context, skills, prior, feedback] = await Promise.all([
        tdb.tenant.findFirstOrThrow({ select: { name: true } }),
        tdb.clientContext.findFirst({ orderBy: { version: "desc" } }),
        ctx.db.skill.findMany({
          where: { role: spec.role, enabled: true, OR: [{ tenantId: null }, { tenantId: activity.tenantId }] },
          orderBy: { createdAt: "asc" },
        }),
        activity.currentVersionId ? tdb.contentVersion.findFirst({ where: { id: activity.currentVersionId } }) : null,
        feedbackFor(tdb, activity.id),
      ]);
      const { system, prompt } = buildActivityPrompt({
        tenantName: tenant.name,
        activity,
        context,
        skills,
        priorOutput: prior,
        wakeReason: payload.wakeReason,
        feedback,
        outputSpec: spec.outputSpec,
      });
      const fullPrompt = config.adapter === "offline" ? prompt + offlineExample(spec.offlineAnswer(activity)) : prompt;

      const run = await beginRun(tdb, {
        tenantId: activity.tenantId,
        runKey,
        role: spec.role,
        credits,
        adapter: config.adapter,
        model: config.model,
        offline: config.adapter === "offline",
        activityId: activity.id,
        revision: payload.revision,
        wakeReason: payload.wakeReason,
        jobId: ctx.job.id,
        requestId: payload.requestId,
      }).catch(async (err: unknown) => {
        // Too few credits: the draft waits in drafting, and the client's page says why.
        if (err instanceof PermanentJobError)
          await tdb.activity.updateMany({
            where: { id: activity.id },
            data: { lastError: err.message.slice(0, 2_000) },
          });
        throw err;
      });
      const live = { tenantId: activity.tenantId, role: spec.role, activityId: activity.id };
      const stream = (entry: Parameters<typeof deps.realtime.appendOutput>[1]) =>
        deps.realtime.appendOutput(activity.id, entry).catch((err) => log.warn({ err }, "output not streamed"));
      await deps.realtime
        .agentState({ ...live, state: "started", detail: `revision ${payload.revision}` })
        .catch(() => {});
      try {
        // Chunks are appended in order; the SSE route replays them to whoever is watching.
        let pending = Promise.resolve();
        const result = await completeStructured(
          adapter,
          {
            system,
            prompt: fullPrompt,
            model: config.model,
            temperature: config.temperature,
            signal: ctx.signal,
            onChunk: (text) => {
              pending = pending.then(() => stream({ revision: payload.revision, kind: "chunk", text }));
            },
          },
          spec.outputSchema,
        );
        await pending;
        const draft = spec.toDraft(result.value, activity);
        const offline = result.calls.some((c) => c.offline);
        await applyTransition(
          { tdb, outbox: deps.outbox, log, realtime: deps.realtime },
          {
            activityId: activity.id,
            action: "draft_ready",
            actor: { type: "agent", id: run.id },
            requestId: payload.requestId,
            within: async (tx, current) => {
              if (current.revision !== payload.revision)
                throw new AppError(409, "STALE_VERSION", "a newer revision was requested meanwhile");
              const number = (await tx.contentVersion.count({ where: { activityId: current.id } })) + 1;
              const version = await tx.contentVersion.create({
                data: {
                  tenantId: current.tenantId,
                  activityId: current.id,
                  number,
                  revision: payload.revision,
                  title: draft.title,
                  body: draft.body,
                  extra: draft.extra,
                  authorType: "agent",
                  agentRunId: run.id,
                  offline,
                },
              });
              await spec.storeCurrent?.(tx, current, draft);
              await completeRun(tx, current.tenantId, run.id, runKey, credits, usageOf(result.calls), fullPrompt);
              return { currentVersionId: version.id, lastError: null };
            },
          },
        );
        await stream({ revision: payload.revision, kind: "done", status: "dm_review" });
        await deps.realtime.agentState({ ...live, state: "finished" }).catch(() => {});
        return { versionCreated: true, repaired: result.repaired };
      } catch (err) {
        // A duplicate delivery finished this revision first (we lost the race on the version
        // number or the status): nothing more to do, and nothing to charge.
        if (await tdb.agentRun.findFirst({ where: { runKey, status: "succeeded" }, select: { id: true } }))
          return { skipped: true };
        if (ctx.final || err instanceof UnrecoverableError) {
          const reason = (err as Error).message ?? String(err);
          await stream({ revision: payload.revision, kind: "error", text: reason, status: "needs_attention" });
          await deps.realtime.agentState({ ...live, state: "failed", detail: reason }).catch(() => {});
          await failRun(tdb, activity.tenantId, runKey, reason);
          await applyTransition(
            { tdb, outbox: deps.outbox, log, realtime: deps.realtime },
            {
              activityId: activity.id,
              action: "draft_failed",
              actor: { type: "system" },
              requestId: payload.requestId,
              within: async () => ({ lastError: reason.slice(0, 2_000) }),
            },
          ).catch((e) => log.warn({ err: e }, "could not move the activity to needs_attention"));
        }
        throw err;
      }
    },
  };
}
