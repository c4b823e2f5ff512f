-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN     "traceContext" JSONB;

