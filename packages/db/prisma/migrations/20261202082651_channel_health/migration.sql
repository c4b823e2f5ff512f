-- AlterTable
ALTER TABLE "ConnectedChannel" ADD COLUMN     "accountName" TEXT,
ADD COLUMN     "accountRoles" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "lastCheckOk" BOOLEAN,
ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastPublishedAt" TIMESTAMP(3),
ADD COLUMN     "siteName" TEXT;

