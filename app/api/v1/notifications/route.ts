import { apiRoute, queryObject } from "@/lib/api/handler";
import { listNotifications } from "@/lib/notifications/service";

/** GET [?unread=1&limit=&before=]: your notifications, newest first, with the unread count. */
export const GET = apiRoute(async ({ req, actor }) => listNotifications(actor, queryObject(req)));
