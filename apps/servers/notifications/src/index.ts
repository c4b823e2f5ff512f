import { runWorkerServer } from "@leadmetrics/worker-runtime";
import { buildSenders } from "./build-senders";
import { notificationsConfigSchema } from "./config";
import { startNotificationsServer } from "./server";

await runWorkerServer({
  service: "notifications",
  schema: notificationsConfigSchema,
  start: (config, deps) =>
    startNotificationsServer(config, { ...deps, senders: buildSenders(config), prefix: config.QUEUE_PREFIX }),
});
