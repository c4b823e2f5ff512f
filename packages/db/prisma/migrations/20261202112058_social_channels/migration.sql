-- AlterTable
ALTER TABLE "DeliverablePlanItem" ADD COLUMN     "channelId" UUID;

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "channelId" UUID;

-- AlterTable
ALTER TABLE "SocialPost" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "mediaIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ConnectedChannel" ADD COLUMN     "accountHandle" TEXT,
ADD COLUMN     "accountType" TEXT,
ADD COLUMN     "avatarUrl" TEXT,
ADD COLUMN     "externalAccountId" TEXT,
ADD COLUMN     "refreshExpiresAt" TIMESTAMP(3),
ADD COLUMN     "refreshLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tokenExpiresAt" TIMESTAMP(3),
ALTER COLUMN "siteUrl" DROP NOT NULL,
ALTER COLUMN "username" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ChannelConnection" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "stateHash" TEXT NOT NULL,
    "codeVerifierEncrypted" TEXT,
    "reconnectChannelId" UUID,
    "tokensEncrypted" TEXT,
    "accounts" JSONB,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelConnection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChannelConnection_stateHash_key" ON "ChannelConnection"("stateHash");

-- CreateIndex
CREATE INDEX "ChannelConnection_tenantId_userId_idx" ON "ChannelConnection"("tenantId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedChannel_tenantId_kind_externalAccountId_key" ON "ConnectedChannel"("tenantId", "kind", "externalAccountId");

