import path from "node:path";
import { defineConfig } from "prisma/config";

// Used by the Prisma CLI where its engine can be downloaded (`prisma migrate
// deploy`). In this project migrations are applied by `npm run db:migrate`.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
