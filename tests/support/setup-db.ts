import { afterAll } from "vitest";
import { createTestDatabase } from "./db";
import { resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";

// Each integration test file gets its own database, copied from the migrated template.
process.env.DATABASE_URL = await createTestDatabase();
resetConfigCache();

afterAll(async () => {
  await disconnectDb();
});
