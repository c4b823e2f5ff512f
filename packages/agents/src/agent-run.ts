import { completeStructured, type LlmResult, type StructuredResult } from "@leadmetrics/adapter-core";
import { InsufficientCreditsError, releaseCredits, reserveCredits, settleCredits } from "@leadmetrics/billing";
import { type AgentRole, creditsPerRun } from "@leadmetrics/catalog";
import { type TenantDb, type TenantTx, tenantSqlStatement, uuidv7 } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { PermanentJobError, UnrecoverableError } from "@leadmetrics/queue";
import type { z } from "zod";
import { resolveAgentConfig } from "./agent-config";
import { withOfflineExample } from "./prompt";
import type { RoleDeps } from "./roles/types";

interface RunStart {
  tenantId: string;
  runKey: string;
  role: AgentRole;
  credits: number;
  adapter: string;
  model: string;
  offline: boolean;
  activityId?: string;
  planId?: string;
  revision?: number;
  wakeReason?: string;
  jobId?: string;
  requestId?: string;
}

// A run's own writes and checks, on the thin SQL layer: every agent job makes them.
/** Opens the run, or re-opens it on a retry (one more attempt); never another tenant's run of that key. */
const openRun = tenantSqlStatement<
  { id: string },
  [
    id: string,
    runKey: string,
    role: string,
    activityId: string | null,
    planId: string | null,
    revision: number | null,
    wakeReason: string | null,
    adapter: string,
    model: string,
    offline: boolean,
    jobId: string | null,
    requestId: string | null,
    status: "running" | "failed",
    error: string | null,
    finishedAt: string | null,
    startedAt: string,
  ]
>(
  `INSERT INTO "AgentRun" ("tenantId", "id", "runKey", "role", "activityId", "planId", "revision", "wakeReason", "adapter", "model", "offline", "jobId", "requestId", "status", "error", "finishedAt", "startedAt")
   VALUES ($1, $2::uuid, $3, $4, $5::uuid, $6::uuid, $7::int, $8, $9, $10, $11, $12, $13, $14::"AgentRunStatus", $15, $16::timestamp, $17::timestamp)
   ON CONFLICT ("runKey") DO UPDATE SET "adapter" = EXCLUDED."adapter", "model" = EXCLUDED."model", "offline" = EXCLUDED."offline",
     "jobId" = EXCLUDED."jobId", "requestId" = EXCLUDED."requestId", "status" = EXCLUDED."status", "error" = EXCLUDED."error",
     "finishedAt" = EXCLUDED."finishedAt", "attempts" = "AgentRun"."attempts" + 1
   WHERE "AgentRun"."tenantId" = $1
   RETURNING "id"::text AS "id"`,
);
const succeededRun = tenantSqlStatement<{ id: string }, [runKey: string]>(
  `SELECT "id" FROM "AgentRun" WHERE "tenantId" = $1 AND "runKey" = $2 AND "status" = 'succeeded' LIMIT 1`,
);
const finishRun = tenantSqlStatement<
  never,
  [
    id: string,
    inputTokens: number,
    outputTokens: number,
    costUsd: number,
    durationMs: number,
    credits: number,
    prompt: string,
    finishedAt: string,
  ]
>(
  `UPDATE "AgentRun" SET "status" = 'succeeded', "inputTokens" = $3, "outputTokens" = $4, "costUsd" = $5::float8, "durationMs" = $6,
     "credits" = $7, "prompt" = $8, "finishedAt" = $9::timestamp
   WHERE "tenantId" = $1 AND "id" = $2::uuid`,
);

/**
 * Holds the credits and opens (or re-opens, on a retry) the AgentRun. Too few credits is not
 * worth retrying in seconds: the job fails for good, is listed for operators, and can be
 * replayed once credits are granted.
 */
async function beginRun(tdb: TenantDb, run: RunStart) {
  const open = async (tx: TenantTx, status: "running" | "failed", error: string | null) => {
    const now = new Date().toISOString();
    const [row] = await tx.$sql.rows(
      openRun,
      uuidv7(),
      run.runKey,
      run.role,
      run.activityId ?? null,
      run.planId ?? null,
      run.revision ?? null,
      run.wakeReason ?? null,
      run.adapter,
      run.model,
      run.offline,
      run.jobId ?? null,
      run.requestId ?? null,
      status,
      error,
      status === "failed" ? now : null,
      now,
    );
    // The key is another tenant's run: as the tenant client's upsert, refuse it.
    if (!row) throw new Error(`run ${run.runKey} belongs to another tenant`);
    return row;
  };
  try {
    return await tdb.$transaction(async (tx) => {
      await reserveCredits(tx, run.tenantId, run.runKey, run.credits);
      return open(tx, "running", null);
    });
  } catch (err) {
    if (!(err instanceof InsufficientCreditsError)) throw err;
    // Recorded, so the client sees why the work waits (plan and activity pages, the runs list).
    await tdb.$transaction((tx) => open(tx, "failed", err.message));
    throw new PermanentJobError(err.message);
  }
}

export function usageOf(calls: LlmResult[]) {
  return {
    inputTokens: calls.reduce((n, c) => n + c.usage.inputTokens, 0),
    outputTokens: calls.reduce((n, c) => n + c.usage.outputTokens, 0),
    costUsd: calls.reduce((n, c) => n + c.cost, 0),
    durationMs: Math.round(calls.reduce((n, c) => n + c.durationMs, 0)),
  };
}

/** The run failed for good: recorded, and its credits given back. */
async function failRun(tdb: TenantDb, tenantId: string, runKey: string, error: string) {
  await tdb.$transaction(async (tx) => {
    await tx.agentRun.updateMany({
      where: { runKey },
      data: { status: "failed", error: error.slice(0, 2_000), finishedAt: new Date() },
    });
    await releaseCredits(tx, tenantId, runKey);
  });
}

const hasSucceeded = async (tdb: TenantDb, runKey: string) => (await tdb.$sql.rows(succeededRun, runKey)).length > 0;

/** What a run asks the model: the prompt, and the answer the offline adapter gives back verbatim. */
export interface AgentPrompt<T> {
  system: string;
  prompt: string;
  offlineAnswer: T;
}

/** The part of a job context a run needs (every agent queue's context has it). */
export interface AgentRunJob {
  tdb: TenantDb;
  payload: { tenantId: string; requestId?: string };
  job: { id?: string };
  signal: AbortSignal;
  final: boolean;
}

export interface AgentRunSpec<S extends z.ZodType, R> {
  role: AgentRole;
  /** One logical run: every delivery and retry of the same work shares it, so it is charged once. */
  runKey: string;
  /** What the AgentRun row links to. */
  link: { activityId?: string; planId?: string; revision?: number; wakeReason?: string };
  outputSchema: S;
  /** Built only when the run is not done already. */
  prompt(): Promise<AgentPrompt<z.infer<S>>>;
  /** After the credits are held, before the model is called. */
  onStart?(runId: string): Promise<void>;
  /** Each piece of the answer as the model streams it. */
  onChunk?(text: string): void;
  /**
   * Stores the output. It must call `settle(tx)` inside the transaction that stores it: the
   * charge commits with the output, or neither does.
   */
  store(result: StructuredResult<z.infer<S>>, run: { id: string; settle(tx: TenantTx): Promise<void> }): Promise<R>;
  /** After a failure for good, once the run is recorded as failed and its credits given back. */
  onFailed?(reason: string): Promise<void>;
}

export type AgentRunOutcome<R> = { skipped: true } | { skipped: false; value: R };

/**
 * The lifecycle of one agent run, for every role that calls a model: a run that already
 * succeeded is a no-op (at-least-once delivery); otherwise hold the credits (too few: a
 * PermanentJobError, and the activity says why), call the adapter, store the output and settle
 * the charge in one transaction. When a delivery loses the race to a duplicate that succeeded,
 * it is a no-op; on the final attempt (or a permanent error) the credits are released.
 */
export async function withAgentRun<S extends z.ZodType, R>(
  ctx: AgentRunJob,
  deps: Pick<RoleDeps, "adapters" | "defaults" | "outbox"> & Partial<Pick<RoleDeps, "realtime">>,
  spec: AgentRunSpec<S, R>,
): Promise<AgentRunOutcome<R>> {
  const { tdb } = ctx;
  const { tenantId } = ctx.payload;
  if (await hasSucceeded(tdb, spec.runKey)) return { skipped: true };

  const config = await resolveAgentConfig(tdb, spec.role, deps.defaults);
  const credits = creditsPerRun(spec.role);
  const { system, prompt, offlineAnswer } = await spec.prompt();
  const fullPrompt = withOfflineExample(prompt, config.adapter, offlineAnswer);

  const run = await beginRun(tdb, {
    tenantId,
    runKey: spec.runKey,
    role: spec.role,
    credits,
    adapter: config.adapter,
    model: config.model,
    offline: config.adapter === "offline",
    ...spec.link,
    jobId: ctx.job.id,
    requestId: ctx.payload.requestId,
  }).catch(async (err: unknown) => {
    // Too few credits: the draft waits, visibly, and the client's page says why; a grant resumes it.
    if (err instanceof PermanentJobError && spec.link.activityId) {
      const reason = err.message.slice(0, 2_000);
      // Told once per shortage: until the next grant, later drafts that stop join the same notice.
      const lastGrant = await tdb.creditLedger.findFirst({
        where: { kind: { in: ["grant", "adjustment"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      await applyTransition(
        { tdb, outbox: deps.outbox, realtime: deps.realtime },
        {
          activityId: spec.link.activityId,
          action: "credits_short",
          actor: { type: "system" },
          requestId: ctx.payload.requestId,
          notifyOnce: `credits-${tenantId}-${lastGrant?.id ?? "never-granted"}`,
          within: async () => ({ lastError: reason }),
        },
      ).catch(() => tdb.activity.updateMany({ where: { id: spec.link.activityId }, data: { lastError: reason } }));
    }
    throw err;
  });
  try {
    // Inside the run: an adapter that cannot be used (a missing key) fails the run with its reason.
    const adapter = deps.adapters.get(config.adapter);
    await spec.onStart?.(run.id);
    const result = await completeStructured(
      adapter,
      {
        system,
        prompt: fullPrompt,
        model: config.model,
        temperature: config.temperature,
        signal: ctx.signal,
        onChunk: spec.onChunk,
      },
      spec.outputSchema,
    );
    const settle = async (tx: TenantTx) => {
      const usage = usageOf(result.calls);
      await tx.$sql.rows(
        finishRun,
        run.id,
        usage.inputTokens,
        usage.outputTokens,
        usage.costUsd,
        usage.durationMs,
        credits,
        fullPrompt,
        new Date().toISOString(),
      );
      await settleCredits(tx, tenantId, spec.runKey, credits, run.id);
    };
    return { skipped: false, value: await spec.store(result, { id: run.id, settle }) };
  } catch (err) {
    // A duplicate delivery finished this run first (it won the race on the stored output):
    // nothing more to do, and nothing to charge.
    if (await hasSucceeded(tdb, spec.runKey)) return { skipped: true };
    if (ctx.final || err instanceof UnrecoverableError) {
      const reason = (err as Error).message ?? String(err);
      await failRun(tdb, tenantId, spec.runKey, reason);
      await spec.onFailed?.(reason);
    }
    throw err;
  }
}
