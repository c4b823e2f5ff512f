-- CreateTable
CREATE TABLE "NotificationDigestItem" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "tenantId" UUID,
    "dedupeKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "digestId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NotificationDigestItem_userId_event_digestId_createdAt_idx" ON "NotificationDigestItem"("userId", "event", "digestId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationDigestItem_digestId_idx" ON "NotificationDigestItem"("digestId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationDigestItem_userId_dedupeKey_key" ON "NotificationDigestItem"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "NotificationDigestItem" ADD CONSTRAINT "NotificationDigestItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

