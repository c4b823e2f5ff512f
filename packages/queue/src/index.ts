export { UnrecoverableError, type Worker } from "bullmq";
export { redisConnection } from "./connection";
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
  type OutboxWriter,
  type StagedJob,
  stageJobs,
} from "./outbox";
export {
  createQueueClient,
  InvalidJobPayloadError,
  prepareJob,
  type QueueClient,
  type QueueClientOptions,
  REPLAY_JOB_PREFIX,
} from "./producer";
export {
  AGENT_ROLES,
  type AgentQueueName,
  type AgentRole,
  agentQueue,
  DEFAULT_JOB_OPTIONS,
  DIGEST_EVENTS,
  type DigestJob,
  type DraftJob,
  digestJobSchema,
  draftJobSchema,
  isQueueName,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationJob,
  notificationJobSchema,
  type PayloadOf,
  type PlanJob,
  type PublishJob,
  planJobSchema,
  publishJobSchema,
  QUEUE_EVENTS_MAX_LEN,
  QUEUES,
  type QueueName,
  queueLabel,
  WAKE_REASONS,
  type WakeReason,
  type WriterQueueName,
  type WriterRole,
} from "./registry";
export {
  type ReplayActor,
  type ReplayDeps,
  replayEach,
  replayFailedJob,
  replayFailedJobById,
  replayStateOf,
} from "./replay";
export {
  closeWorkers,
  createWorker,
  type JobContext,
  PermanentJobError,
  type TenantClientOf,
  type WorkerOptions,
} from "./worker";
