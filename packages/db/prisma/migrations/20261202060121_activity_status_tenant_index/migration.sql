-- CreateIndex
CREATE INDEX "Activity_status_tenantId_idx" ON "Activity"("status", "tenantId");

