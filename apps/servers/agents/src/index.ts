import { runWorkerServer } from "@leadmetrics/worker-runtime";
import { agentsConfigSchema } from "./config";
import { startAgentsServer } from "./server";

await runWorkerServer({
  service: "agents",
  schema: agentsConfigSchema,
  start: (config, deps) => startAgentsServer(config, { ...deps, prefix: config.QUEUE_PREFIX }),
  // Running LLM calls get SHUTDOWN_GRACE_MS to finish before they are handed back to the queue.
  shutdownTimeoutMs: (config) => config.SHUTDOWN_GRACE_MS + 10_000,
  describe: (config) => ({ roles: config.AGENT_ROLES }),
});
