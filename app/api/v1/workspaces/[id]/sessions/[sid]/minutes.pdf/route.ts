import { apiRoute } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/download";
import { getMinutes } from "@/lib/meetings/service";
import { minutesData, renderMinutesPdf } from "@/lib/meetings/minutes-pdf";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string; sid: string }>(async ({ actor, params }) => {
  const minutes = await getMinutes(actor, params.id, params.sid);
  const body = await renderMinutesPdf(minutesData(minutes, minutes.access.workspace.name));
  const slug = minutes.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "meeting";
  return fileResponse(body, `minutes-${slug}-${(minutes.startedAt ?? minutes.startsAt).slice(0, 10)}.pdf`, "application/pdf");
});
