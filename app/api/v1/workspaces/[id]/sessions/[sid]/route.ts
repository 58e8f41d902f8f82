import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getMeeting, moveToAgendaItem, startMeeting } from "@/lib/meetings/service";

export const GET = apiRoute<{ id: string; sid: string }>(async ({ actor, params }) => {
  const { access: _access, members: _members, ...session } = await getMeeting(actor, params.id, params.sid);
  return {
    session: {
      ...session,
      notes: session.agenda.map((a) => ({ agendaItemId: a.id, notes: a.notes })),
    },
  };
});

/**
 * The facilitator's controls: `{"status": "LIVE"}` starts the meeting,
 * `{"position": n}` moves everyone following it to agenda item n (from 0).
 */
const patchSchema = z.union([
  z.strictObject({ status: z.literal("LIVE", { message: "Only “LIVE” (start the meeting) can be set here" }) }),
  z.strictObject({ position: z.number().int().min(0).max(29) }),
]);

export const PATCH = apiRoute<{ id: string; sid: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, patchSchema);
  if ("status" in body) await startMeeting(actor, params.id, params.sid);
  else if ("position" in body) await moveToAgendaItem(actor, params.id, params.sid, { position: body.position });
  else throw new AppError("validation_failed", "Send “status” or “position”.");
  const { access: _access, members: _members, ...session } = await getMeeting(actor, params.id, params.sid);
  return { session };
});
