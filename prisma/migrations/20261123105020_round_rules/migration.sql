-- AlterTable
ALTER TABLE "Round" ADD COLUMN "rules" TEXT;

