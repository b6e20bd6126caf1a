-- CreateTable
CREATE TABLE "Attendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "termId" INTEGER NOT NULL,
    "meetingId" INTEGER,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "candidates" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "rules" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "parentId" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'open',
    "voterUnits" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "closesAt" DATETIME,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "result" TEXT,
    CONSTRAINT "Ballot_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotVoter" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ballotId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    CONSTRAINT "BallotVoter_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BallotPaper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ballotId" INTEGER NOT NULL,
    "agreed" TEXT NOT NULL,
    CONSTRAINT "BallotPaper_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
-- WITHOUT ROWID (written by hand; Prisma cannot say it): rows live in the random primary key's
-- order, with no hidden insertion sequence that could be matched to BallotVoter's.
) WITHOUT ROWID;

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_unitId_key" ON "Attendance"("meetingId", "unitId");

-- CreateIndex
CREATE INDEX "Ballot_termId_state_idx" ON "Ballot"("termId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BallotVoter_ballotId_unitId_key" ON "BallotVoter"("ballotId", "unitId");

-- CreateIndex
CREATE INDEX "BallotPaper_ballotId_id_idx" ON "BallotPaper"("ballotId", "id");

