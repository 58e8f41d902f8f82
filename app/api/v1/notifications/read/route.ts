import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { markRead } from "@/lib/notifications/service";

/** POST {ids: [...]} or {all: true}: mark your notifications read. */
export const POST = apiRoute(async ({ req, actor }) => {
  const body = await readJson(req, z.unknown(), 16 * 1024);
  return markRead(actor, body);
});
