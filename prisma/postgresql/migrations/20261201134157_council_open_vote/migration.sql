-- AlterTable
ALTER TABLE "BallotVoter" ALTER COLUMN "unitId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "BallotOpenVote" (
    "id" SERIAL NOT NULL,
    "ballotId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "unitId" INTEGER,
    "voter" TEXT NOT NULL,
    "agreed" TEXT NOT NULL,

    CONSTRAINT "BallotOpenVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BallotOpenVote_ballotId_idx" ON "BallotOpenVote"("ballotId");

-- AddForeignKey
ALTER TABLE "BallotOpenVote" ADD CONSTRAINT "BallotOpenVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

