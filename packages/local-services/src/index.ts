export { freePort, freePorts, isPortFree } from "./ports";
export {
  createDatabase,
  type LocalPostgres,
  type StartPostgresOptions,
  startPostgres,
  takeOverSignals,
} from "./postgres";
export {
  type LocalRedis,
  ping as pingRedis,
  redisServerPath,
  type StartRedisOptions,
  startRedis,
  stopChild,
} from "./redis";
