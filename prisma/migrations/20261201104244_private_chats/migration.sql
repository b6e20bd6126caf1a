-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN "inviteCode" TEXT;
ALTER TABLE "Cluster" ADD COLUMN "inviteCreatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "currentClusterId" INTEGER;
ALTER TABLE "Person" ADD COLUMN "privateChatKey" TEXT;
ALTER TABLE "Person" ADD COLUMN "privatePlatform" TEXT;

-- CreateTable
CREATE TABLE "ReminderPrivateDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reminderId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "chatKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderPrivateDelivery_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReminderPrivateDelivery_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPrivateDelivery_reminderId_personId_key" ON "ReminderPrivateDelivery"("reminderId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_inviteCode_key" ON "Cluster"("inviteCode");

