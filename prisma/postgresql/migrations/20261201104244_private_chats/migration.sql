-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "inviteCode" TEXT,
ADD COLUMN     "inviteCreatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "currentClusterId" INTEGER,
ADD COLUMN     "privateChatKey" TEXT,
ADD COLUMN     "privatePlatform" TEXT;

-- CreateTable
CREATE TABLE "ReminderPrivateDelivery" (
    "id" SERIAL NOT NULL,
    "reminderId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "chatKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderPrivateDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPrivateDelivery_reminderId_personId_key" ON "ReminderPrivateDelivery"("reminderId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_inviteCode_key" ON "Cluster"("inviteCode");

-- AddForeignKey
ALTER TABLE "ReminderPrivateDelivery" ADD CONSTRAINT "ReminderPrivateDelivery_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "Reminder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPrivateDelivery" ADD CONSTRAINT "ReminderPrivateDelivery_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

