-- AlterEnum
ALTER TYPE "ActivityStatus" ADD VALUE 'waiting_for_credits';

