import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { poolConfig } from "@/lib/db/pool";
import { databaseUrl, directDatabaseUrl, isPooled } from "@/lib/db/urls";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __db?: PrismaClient; __pool?: pg.Pool; __dbUrl?: string };

export { databaseUrl, directDatabaseUrl, isPooled };

function ensure() {
  const url = databaseUrl();
  if (!globalForDb.__db || !globalForDb.__pool || globalForDb.__dbUrl !== url) {
    const pool = new pg.Pool(poolConfig(url, { pooled: isPooled() }));
    // An idle connection that dies (server restart, pooler recycling it) must not crash the process.
    pool.on("error", () => {});
    globalForDb.__pool = pool;
    globalForDb.__db = new PrismaClient({ adapter: new PrismaPg(pool) });
    globalForDb.__dbUrl = url;
  }
  return { db: globalForDb.__db, pool: globalForDb.__pool };
}

/** One Prisma client per process, on the process's pg pool. */
export function getDb(): PrismaClient {
  return ensure().db;
}

/**
 * The same pool the Prisma client runs on, for the few hot paths that send
 * one hand-written statement (the autosave). Single statements only: with a
 * transaction-mode pooler, consecutive queries may run on different server
 * connections.
 */
export function getPool(): pg.Pool {
  return ensure().pool;
}

export async function disconnectDb() {
  const { __db: db, __pool: pool } = globalForDb;
  globalForDb.__db = undefined;
  globalForDb.__pool = undefined;
  globalForDb.__dbUrl = undefined;
  if (db) await db.$disconnect().catch(() => {});
  if (pool && !pool.ended) await pool.end().catch(() => {});
}
