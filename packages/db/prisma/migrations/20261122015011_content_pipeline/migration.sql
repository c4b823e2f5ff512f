-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('draft', 'pending_approval', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "PlanCadence" AS ENUM ('weekly', 'monthly');

-- CreateEnum
CREATE TYPE "DeliverableType" AS ENUM ('blog_post', 'social_post', 'strategy');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('planned', 'drafting', 'dm_review', 'client_review', 'client_approved', 'publishing', 'published', 'publish_failed', 'needs_attention');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'agent', 'system');

-- CreateEnum
CREATE TYPE "AgentRunStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('grant', 'run', 'adjustment');

-- CreateEnum
CREATE TYPE "LedgerStatus" AS ENUM ('reserved', 'settled', 'released', 'posted');

-- CreateTable
CREATE TABLE "DeliverablePlan" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "cadence" "PlanCadence" NOT NULL,
    "startDate" DATE NOT NULL,
    "periodCount" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'draft',
    "rejectionReason" TEXT,
    "createdById" UUID,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliverablePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliverablePlanItem" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "deliverableType" "DeliverableType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "channel" TEXT,
    "notes" TEXT,

    CONSTRAINT "DeliverablePlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliverablePeriod" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "plannedCount" INTEGER NOT NULL DEFAULT 0,
    "publishedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeliverablePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "slot" INTEGER NOT NULL,
    "type" "DeliverableType" NOT NULL,
    "topic" TEXT NOT NULL,
    "keyword" TEXT,
    "format" TEXT,
    "channel" TEXT,
    "status" "ActivityStatus" NOT NULL DEFAULT 'planned',
    "version" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "dmRejectionCount" INTEGER NOT NULL DEFAULT 0,
    "clientRejectionCount" INTEGER NOT NULL DEFAULT 0,
    "currentVersionId" UUID,
    "lastError" TEXT,
    "publishedUrl" TEXT,
    "dueOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityEvent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "fromStatus" "ActivityStatus",
    "toStatus" "ActivityStatus" NOT NULL,
    "feedback" TEXT,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "extra" JSONB,
    "authorType" "ActorType" NOT NULL,
    "authorUserId" UUID,
    "agentRunId" UUID,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlogPost" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "slug" TEXT,
    "publishedUrl" TEXT,
    "externalId" TEXT,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BlogPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialPost" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "channel" TEXT,
    "text" TEXT NOT NULL,
    "publishedUrl" TEXT,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SocialPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientContext" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "brandVoice" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "products" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientContext_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Skill" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentConfig" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "adapter" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "runKey" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "activityId" UUID,
    "planId" UUID,
    "revision" INTEGER,
    "wakeReason" TEXT,
    "adapter" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "status" "AgentRunStatus" NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "credits" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "prompt" TEXT,
    "error" TEXT,
    "jobId" TEXT,
    "requestId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AgentRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditBalance" (
    "tenantId" UUID NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditBalance_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "CreditLedger" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "status" "LedgerStatus" NOT NULL,
    "amount" INTEGER NOT NULL,
    "runKey" TEXT,
    "agentRunId" UUID,
    "note" TEXT,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectedChannel" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "siteUrl" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "credentialsEncrypted" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'connected',
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectedChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailedJob" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "tenantId" UUID,
    "payload" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "replayedAt" TIMESTAMP(3),
    "replayJobId" TEXT,
    "replayedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FailedJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeliverablePlan_tenantId_status_createdAt_idx" ON "DeliverablePlan"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliverablePlan_tenantId_id_key" ON "DeliverablePlan"("tenantId", "id");

-- CreateIndex
CREATE INDEX "DeliverablePlanItem_tenantId_planId_idx" ON "DeliverablePlanItem"("tenantId", "planId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliverablePeriod_tenantId_id_key" ON "DeliverablePeriod"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DeliverablePeriod_planId_index_key" ON "DeliverablePeriod"("planId", "index");

-- CreateIndex
CREATE INDEX "Activity_tenantId_status_updatedAt_idx" ON "Activity"("tenantId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Activity_status_updatedAt_idx" ON "Activity"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_tenantId_id_key" ON "Activity"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_periodId_slot_key" ON "Activity"("periodId", "slot");

-- CreateIndex
CREATE INDEX "ActivityEvent_tenantId_activityId_createdAt_idx" ON "ActivityEvent"("tenantId", "activityId", "createdAt");

-- CreateIndex
CREATE INDEX "ContentVersion_tenantId_activityId_idx" ON "ContentVersion"("tenantId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentVersion_activityId_number_key" ON "ContentVersion"("activityId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BlogPost_activityId_key" ON "BlogPost"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "BlogPost_tenantId_activityId_key" ON "BlogPost"("tenantId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialPost_activityId_key" ON "SocialPost"("activityId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialPost_tenantId_activityId_key" ON "SocialPost"("tenantId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientContext_tenantId_version_key" ON "ClientContext"("tenantId", "version");

-- CreateIndex
CREATE INDEX "Skill_role_tenantId_idx" ON "Skill"("role", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "AgentConfig_tenantId_role_key" ON "AgentConfig"("tenantId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "AgentRun_runKey_key" ON "AgentRun"("runKey");

-- CreateIndex
CREATE INDEX "AgentRun_tenantId_startedAt_idx" ON "AgentRun"("tenantId", "startedAt");

-- CreateIndex
CREATE INDEX "AgentRun_tenantId_activityId_idx" ON "AgentRun"("tenantId", "activityId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedger_runKey_key" ON "CreditLedger"("runKey");

-- CreateIndex
CREATE INDEX "CreditLedger_tenantId_createdAt_idx" ON "CreditLedger"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectedChannel_tenantId_idx" ON "ConnectedChannel"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedChannel_tenantId_kind_siteUrl_key" ON "ConnectedChannel"("tenantId", "kind", "siteUrl");

-- CreateIndex
CREATE INDEX "FailedJob_createdAt_idx" ON "FailedJob"("createdAt");

-- CreateIndex
CREATE INDEX "FailedJob_tenantId_createdAt_idx" ON "FailedJob"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FailedJob_queue_jobId_key" ON "FailedJob"("queue", "jobId");

-- AddForeignKey
ALTER TABLE "DeliverablePlan" ADD CONSTRAINT "DeliverablePlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliverablePlanItem" ADD CONSTRAINT "DeliverablePlanItem_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "DeliverablePlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliverablePeriod" ADD CONSTRAINT "DeliverablePeriod_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "DeliverablePlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_planId_fkey" FOREIGN KEY ("tenantId", "planId") REFERENCES "DeliverablePlan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_tenantId_periodId_fkey" FOREIGN KEY ("tenantId", "periodId") REFERENCES "DeliverablePeriod"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityEvent" ADD CONSTRAINT "ActivityEvent_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlogPost" ADD CONSTRAINT "BlogPost_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialPost" ADD CONSTRAINT "SocialPost_tenantId_activityId_fkey" FOREIGN KEY ("tenantId", "activityId") REFERENCES "Activity"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

