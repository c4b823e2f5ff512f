-- AlterTable
ALTER TABLE "ContentVersion" ADD COLUMN     "changeNote" TEXT;

