-- CreateTable
CREATE TABLE "CallImport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sheet" TEXT,
    "rowsRead" INTEGER NOT NULL,
    "rowsUsed" INTEGER NOT NULL,
    "rowsSkipped" INTEGER NOT NULL,
    "skipped" JSONB NOT NULL,
    "columns" JSONB NOT NULL,
    "firstCallAt" TIMESTAMP(3),
    "lastCallAt" TIMESTAMP(3),
    "importedById" TEXT,
    "importedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallData" (
    "workspaceId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "aggregates" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallData_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "CallTypeMapping" (
    "workspaceId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallTypeMapping_pkey" PRIMARY KEY ("workspaceId","code")
);

-- CreateIndex
CREATE INDEX "CallImport_workspaceId_createdAt_idx" ON "CallImport"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallData_importId_key" ON "CallData"("importId");

-- AddForeignKey
ALTER TABLE "CallImport" ADD CONSTRAINT "CallImport_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallData" ADD CONSTRAINT "CallData_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallData" ADD CONSTRAINT "CallData_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CallImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTypeMapping" ADD CONSTRAINT "CallTypeMapping_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

