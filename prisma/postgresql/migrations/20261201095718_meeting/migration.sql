-- CreateTable
CREATE TABLE "Attendance" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" SERIAL NOT NULL,
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
    "closesAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "result" TEXT,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotVoter" (
    "id" SERIAL NOT NULL,
    "ballotId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    CONSTRAINT "BallotVoter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotPaper" (
    "id" TEXT NOT NULL,
    "ballotId" INTEGER NOT NULL,
    "agreed" TEXT NOT NULL,

    CONSTRAINT "BallotPaper_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_meetingId_unitId_key" ON "Attendance"("meetingId", "unitId");

-- CreateIndex
CREATE INDEX "Ballot_termId_state_idx" ON "Ballot"("termId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BallotVoter_ballotId_unitId_key" ON "BallotVoter"("ballotId", "unitId");

-- CreateIndex
CREATE INDEX "BallotPaper_ballotId_id_idx" ON "BallotPaper"("ballotId", "id");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotVoter" ADD CONSTRAINT "BallotVoter_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotPaper" ADD CONSTRAINT "BallotPaper_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

