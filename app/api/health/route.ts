import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * 200 {"status":"ok","db":"ok","pid":…} when the database answers; 503 with the
 * reason otherwise, within a few seconds. `pid` names the server process that
 * answered (`npm start` runs several).
 */
export async function GET() {
  try {
    const ping = getDb().$queryRaw`SELECT 1`;
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("the database did not answer within 3 seconds")), 3000));
    await Promise.race([ping, timeout]);
    return NextResponse.json({ status: "ok", db: "ok", pid: process.pid }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0].slice(0, 300) : "unknown error";
    return NextResponse.json({ status: "error", db: reason, pid: process.pid }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
