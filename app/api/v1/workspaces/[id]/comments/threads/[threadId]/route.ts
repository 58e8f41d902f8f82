import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { setThreadResolved } from "@/lib/comments/service";

/** PATCH {resolved: true|false}: resolve or reopen a thread. */
export const PATCH = apiRoute<{ id: string; threadId: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 1024);
  return setThreadResolved(actor, params.id, params.threadId, body);
});
