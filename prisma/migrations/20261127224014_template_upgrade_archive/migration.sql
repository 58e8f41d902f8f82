-- CreateTable
CREATE TABLE "ArchivedAnswer" (
    "id" TEXT NOT NULL,
    "workbookId" TEXT NOT NULL,
    "worksheetKey" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedById" TEXT,
    "archivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArchivedAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArchivedAnswer_workbookId_archivedAt_idx" ON "ArchivedAnswer"("workbookId", "archivedAt");

-- AddForeignKey
ALTER TABLE "ArchivedAnswer" ADD CONSTRAINT "ArchivedAnswer_workbookId_fkey" FOREIGN KEY ("workbookId") REFERENCES "Workbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

