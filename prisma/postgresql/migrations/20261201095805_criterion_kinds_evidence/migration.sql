-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "evidence" TEXT NOT NULL DEFAULT 'optional',
ADD COLUMN     "notAssigned" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scoring" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "targetPoints" TEXT;

-- AlterTable
ALTER TABLE "ScoreEntry" ADD COLUMN     "input" TEXT;

-- CreateTable
CREATE TABLE "CriterionTarget" (
    "id" SERIAL NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "target" INTEGER NOT NULL,
    "setById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriterionTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" SERIAL NOT NULL,
    "sheetId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploaderId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriterionTarget_criterionId_unitId_key" ON "CriterionTarget"("criterionId", "unitId");

-- CreateIndex
CREATE INDEX "Evidence_sheetId_criterionId_idx" ON "Evidence"("sheetId", "criterionId");

-- AddForeignKey
ALTER TABLE "CriterionTarget" ADD CONSTRAINT "CriterionTarget_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionTarget" ADD CONSTRAINT "CriterionTarget_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "Sheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

