-- AlterTable
ALTER TABLE "Round" ADD COLUMN "targetPoints" TEXT;

-- AlterTable
ALTER TABLE "ScoreEntry" ADD COLUMN "input" TEXT;

-- CreateTable
CREATE TABLE "CriterionTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "criterionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "target" INTEGER NOT NULL,
    "setById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CriterionTarget_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CriterionTarget_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sheetId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "uploaderId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "Sheet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Criterion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "termId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "max" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionCode" TEXT,
    "scoring" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT 'optional',
    "notAssigned" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Criterion_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Criterion" ("code", "id", "kind", "max", "position", "sectionCode", "termId", "title") SELECT "code", "id", "kind", "max", "position", "sectionCode", "termId", "title" FROM "Criterion";
DROP TABLE "Criterion";
ALTER TABLE "new_Criterion" RENAME TO "Criterion";
CREATE UNIQUE INDEX "Criterion_termId_code_key" ON "Criterion"("termId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CriterionTarget_criterionId_unitId_key" ON "CriterionTarget"("criterionId", "unitId");

-- CreateIndex
CREATE INDEX "Evidence_sheetId_criterionId_idx" ON "Evidence"("sheetId", "criterionId");

