-- CreateTable
CREATE TABLE "BallotOpenVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ballotId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "voter" TEXT NOT NULL,
    "agreed" TEXT NOT NULL,
    CONSTRAINT "BallotOpenVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BallotVoter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ballotId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "personId" INTEGER NOT NULL,
    CONSTRAINT "BallotVoter_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BallotVoter" ("ballotId", "id", "personId", "unitId") SELECT "ballotId", "id", "personId", "unitId" FROM "BallotVoter";
DROP TABLE "BallotVoter";
ALTER TABLE "new_BallotVoter" RENAME TO "BallotVoter";
CREATE UNIQUE INDEX "BallotVoter_ballotId_unitId_key" ON "BallotVoter"("ballotId", "unitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BallotOpenVote_ballotId_idx" ON "BallotOpenVote"("ballotId");

