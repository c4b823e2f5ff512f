-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "title" TEXT;


-- Work drafted before this column: its current version's title.
UPDATE "Activity" a SET "title" = v."title" FROM "ContentVersion" v WHERE v."id" = a."currentVersionId";
