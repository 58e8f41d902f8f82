import { z } from "zod";
import { NextResponse } from "next/server";
import { apiRoute, queryObject, readJson } from "@/lib/api/handler";
import { listThreads, postComment } from "@/lib/comments/service";

/** GET ?worksheetKey=…[&itemKey=…]: the threads with their comments. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => listThreads(actor, params.id, queryObject(req)));

/** POST {worksheetKey, itemKey?, body, threadId?}: a new thread, or a reply when threadId is set. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 32 * 1024);
  const created = await postComment(actor, params.id, body);
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
