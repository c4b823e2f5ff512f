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
