import { afterAll } from "vitest";
import { createTestDatabase } from "./db";
import { disconnectDb } from "@/lib/db/client";

// Each integration test file gets its own database, copied from the migrated template.
process.env.DATABASE_URL = await createTestDatabase();

afterAll(async () => {
  await disconnectDb();
});
