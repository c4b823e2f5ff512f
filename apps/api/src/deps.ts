import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import type { Redis } from "ioredis";
import type { ApiConfig } from "./config";

/** Everything the API needs from outside; `buildApp` takes it, tests build their own. */
export interface AppDeps {
  config: ApiConfig;
  db: Db;
  /** Commands fail fast while Redis is down (no offline queue): requests answer 503, never hang. */
  redis: Redis;
  logger: Logger;
}
