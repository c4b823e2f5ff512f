import type { Logger } from "@leadmetrics/logger";

export interface ShutdownOptions {
  logger: Logger;
  /** Stops the process's work (servers, workers) and releases its connections. */
  close: () => Promise<void>;
  /** After this, the process exits anyway: a stuck close never keeps a deploy waiting. */
  timeoutMs?: number;
}

/**
 * SIGTERM/SIGINT close the process gracefully, once, within a bound; an unhandled rejection is
 * logged; an uncaught exception is logged and shuts the process down (its state is unknown).
 */
export function handleShutdown({ logger, close, timeoutMs = 30_000 }: ShutdownOptions): void {
  let closing = false;
  const shutdown = async (reason: string, code: number) => {
    if (closing) return;
    closing = true;
    logger.info({ reason }, "shutting down");
    setTimeout(() => {
      logger.error({ timeoutMs }, "graceful shutdown timed out");
      process.exit(1);
    }, timeoutMs).unref();
    try {
      await close();
    } catch (err) {
      logger.error({ err }, "error while shutting down");
      code = code || 1;
    }
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
  process.on("uncaughtException", (err) => {
    logger.fatal({ err }, "uncaught exception");
    void shutdown("uncaughtException", 1);
  });
}

export interface DependencyCheck {
  status: "ok" | "error";
  latencyMs: number;
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, DependencyCheck>;
  /** Names of the failing checks. */
  failing: string[];
}

/**
 * Readiness: asks each backing service at once, each bounded by `timeoutMs`, so a hung service
 * reads as "error" instead of hanging the probe. One rule for the API and every worker server.
 */
export async function checkReadiness(
  checks: Record<string, () => Promise<unknown>>,
  timeoutMs = 2_000,
): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, fn]) => [name, await timed(fn, timeoutMs)] as const),
  );
  const failing = entries.filter(([, c]) => c.status !== "ok").map(([name]) => name);
  return { ready: failing.length === 0, checks: Object.fromEntries(entries), failing };
}

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "ok", latencyMs: Math.round(performance.now() - start) };
  } catch (err) {
    return { status: "error", latencyMs: Math.round(performance.now() - start), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
