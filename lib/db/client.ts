import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/db/generated/client";
import { poolConfig } from "@/lib/db/pool";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __db?: PrismaClient; __dbUrl?: string };

export function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database.");
  }
  return url;
}

/** One Prisma client per process, on a pg Pool configured from the environment. */
export function getDb(): PrismaClient {
  const url = databaseUrl();
  if (!globalForDb.__db || globalForDb.__dbUrl !== url) {
    const adapter = new PrismaPg(poolConfig(url));
    globalForDb.__db = new PrismaClient({ adapter });
    globalForDb.__dbUrl = url;
  }
  return globalForDb.__db;
}

export async function disconnectDb() {
  if (globalForDb.__db) {
    await globalForDb.__db.$disconnect();
    globalForDb.__db = undefined;
    globalForDb.__dbUrl = undefined;
  }
}
