import type { SecretBox } from "@leadmetrics/crypto";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import type { QueueClient } from "@leadmetrics/queue";
import type { Redis } from "ioredis";
import type { ApiConfig } from "./config";

/** Everything the API needs from outside; `buildApp` takes it, tests build their own. */
export interface AppDeps {
  config: ApiConfig;
  db: Db;
  /** Commands fail fast while Redis is down (no offline queue): requests answer 503, never hang. */
  redis: Redis;
  logger: Logger;
  /** The only way the API starts work: it writes to PostgreSQL and enqueues, never calls an LLM. */
  queues: QueueClient;
  /** Seals channel credentials before they are stored. */
  secrets: SecretBox;
}
