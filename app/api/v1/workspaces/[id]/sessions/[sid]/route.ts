import { apiRoute } from "@/lib/api/handler";
import { getMeeting } from "@/lib/meetings/service";

export const GET = apiRoute<{ id: string; sid: string }>(async ({ actor, params }) => {
  const { access: _access, members: _members, ...session } = await getMeeting(actor, params.id, params.sid);
  return {
    session: {
      ...session,
      notes: session.agenda.map((a) => ({ agendaItemId: a.id, notes: a.notes })),
    },
  };
});
