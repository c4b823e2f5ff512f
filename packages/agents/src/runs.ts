import type { LlmResult } from "@leadmetrics/adapter-core";
import { InsufficientCreditsError, releaseCredits, reserveCredits, settleCredits } from "@leadmetrics/billing";
import type { TenantDb, TenantTx } from "@leadmetrics/db";
import { PermanentJobError } from "@leadmetrics/queue";

export interface RunStart {
  tenantId: string;
  /** One logical run: retries of the same job share it, so it is charged once. */
  runKey: string;
  role: string;
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

/**
 * Holds the credits and opens (or re-opens, on a retry) the AgentRun. Too few credits is not
 * worth retrying in seconds: the job fails for good, is listed for operators, and can be
 * replayed once credits are granted.
 */
export async function beginRun(tdb: TenantDb, run: RunStart) {
  const open = (tx: TenantTx, status: "running" | "failed", error: string | null) => {
    const fields = {
      adapter: run.adapter,
      model: run.model,
      offline: run.offline,
      jobId: run.jobId ?? null,
      requestId: run.requestId ?? null,
      status,
      error,
      finishedAt: status === "failed" ? new Date() : null,
    };
    return tx.agentRun.upsert({
      where: { runKey: run.runKey },
      create: {
        tenantId: run.tenantId,
        runKey: run.runKey,
        role: run.role,
        activityId: run.activityId ?? null,
        planId: run.planId ?? null,
        revision: run.revision ?? null,
        wakeReason: run.wakeReason ?? null,
        ...fields,
      },
      update: { ...fields, attempts: { increment: 1 } },
    });
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

/** Closes the run and charges it, inside the transaction that stores its output. */
export async function completeRun(
  tx: TenantTx,
  tenantId: string,
  agentRunId: string,
  runKey: string,
  credits: number,
  usage: ReturnType<typeof usageOf>,
  prompt: string,
) {
  await tx.agentRun.updateMany({
    where: { id: agentRunId },
    data: { status: "succeeded", ...usage, credits, prompt, finishedAt: new Date() },
  });
  await settleCredits(tx, tenantId, runKey, credits, agentRunId);
}

/** The run failed for good: recorded, and its credits given back. */
export async function failRun(tdb: TenantDb, tenantId: string, runKey: string, error: string) {
  await tdb.$transaction(async (tx) => {
    await tx.agentRun.updateMany({
      where: { runKey },
      data: { status: "failed", error: error.slice(0, 2_000), finishedAt: new Date() },
    });
    await releaseCredits(tx, tenantId, runKey);
  });
}
