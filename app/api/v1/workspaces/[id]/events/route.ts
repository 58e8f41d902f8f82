import { apiRoute } from "@/lib/api/handler";
import { authorize, type Actor } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { getLiveListener } from "@/lib/live/listener";
import { maybePruneLiveData } from "@/lib/live/prune";
import { openEventStream, parseLastEventId } from "@/lib/live/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function stillAllowed(actor: Actor, workspaceId: string) {
  try {
    await authorize(actor, workspaceId, "worksheet.read");
    return true;
  } catch (err) {
    if (err instanceof AppError && ["not_found", "forbidden", "unauthenticated"].includes(err.code)) return false;
    throw err;
  }
}

/** Live updates of one workspace as server-sent events (see lib/live/stream.ts). */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const access = await authorize(actor, params.id, "worksheet.read");
  const last = parseLastEventId(req.headers.get("last-event-id") ?? req.nextUrl.searchParams.get("lastEventId"));
  if (last === "invalid") throw new AppError("bad_request", "lastEventId must be a whole number: the id of the last event you received.");
  maybePruneLiveData();
  const stream = openEventStream({
    workspaceId: access.workspaceId,
    userId: access.actor.userId,
    lastEventId: last,
    listener: getLiveListener(),
    signal: req.signal,
    checkAccess: () => stillAllowed(access.actor, access.workspaceId),
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream.
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
