import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createMeeting, getMeeting, listMeetings } from "@/lib/meetings/service";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { upcoming, past } = await listMeetings(actor, params.id);
  return { sessions: [...upcoming, ...past], upcoming, past };
});

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown());
  const meeting = await createMeeting(actor, params.id, body);
  const { access: _access, ...detail } = await getMeeting(actor, params.id, meeting.id);
  return Response.json({ session: detail }, { status: 201 });
});
