export { startPostgres, createDatabase, takeOverSignals, type LocalPostgres, type StartPostgresOptions } from "./postgres";
export { startRedis, redisServerPath, ping as pingRedis, stopChild, type LocalRedis, type StartRedisOptions } from "./redis";
export { freePort, isPortFree } from "./ports";
