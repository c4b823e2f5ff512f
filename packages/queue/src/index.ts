export {
  AGENT_ROLES,
  NOTIFICATION_CHANNELS,
  WAKE_REASONS,
  QUEUES,
  DEFAULT_JOB_OPTIONS,
  agentQueue,
  isQueueName,
  planJobSchema,
  draftJobSchema,
  publishJobSchema,
  notificationJobSchema,
  type AgentRole,
  type NotificationChannel,
  type WakeReason,
  type QueueName,
  type PayloadOf,
  type PlanJob,
  type DraftJob,
  type PublishJob,
  type NotificationJob,
} from "./registry";
export { stageJobs, createOutboxRelay, type StagedJob, type OutboxWriter, type OutboxRelay, type OutboxRelayOptions } from "./outbox";
export { createQueueClient, prepareJob, InvalidJobPayloadError, REPLAY_JOB_PREFIX, type QueueClient, type QueueClientOptions } from "./producer";
export { createWorker, closeWorkers, PermanentJobError, type JobContext, type WorkerOptions } from "./worker";
export { UnrecoverableError, type Worker } from "bullmq";
export { redisConnection } from "./connection";
export { EVENTS as NOTIFICATION_EVENT_DEFINITIONS, NOTIFICATION_EVENTS, type NotificationEvent, type EventDefinition } from "./notification-events";
