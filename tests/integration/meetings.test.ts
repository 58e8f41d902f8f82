import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { minutesData, renderMinutesPdf } from "@/lib/meetings/minutes-pdf";
import type { Actor } from "@/lib/auth/authorize";
import { signUp } from "@/lib/accounts/service";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createInvitation, acceptInvitation } from "@/lib/invitations/service";
import {
  ACTION_PLAN_ITEM_KEY,
  addActionItem,
  addDecision,
  addGuest,
  createMeeting,
  endMeeting,
  getMinutes,
  joinMeeting,
  listMeetings,
  moveToAgendaItem,
  myActionItems,
  saveNotes,
  startMeeting,
} from "@/lib/meetings/service";
import { saveAnswer } from "@/lib/workbook/service";
import { createWorkspace } from "@/lib/workspaces/service";

async function user(name: string): Promise<Actor> {
  const u = await signUp({ name, email: `${name.toLowerCase().replace(/\s/g, ".")}@example.net`, password: "long-enough-password" });
  return { userId: u.id, email: u.email, name: u.name };
}

async function join(coordinator: Actor, workspaceId: string, who: Actor, role: "MEMBER" | "VIEWER") {
  const inv = await createInvitation(coordinator, workspaceId, { email: who.email, role });
  await acceptInvitation(who, inv.link.split("/invite/")[1]);
}

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

let coordinator: Actor, member: Actor, viewer: Actor, outsider: Actor;
let workspaceId: string;

beforeAll(async () => {
  coordinator = await user("Ana Coordinator");
  member = await user("Ben Member");
  viewer = await user("Cy Viewer");
  outsider = await user("Dee Outsider");
  workspaceId = (await createWorkspace(coordinator, { name: "Meeting County Plan", jurisdiction: "Meeting County" })).id;
  await createWorkspace(outsider, { name: "Elsewhere", jurisdiction: "Elsewhere" });
  await join(coordinator, workspaceId, member, "MEMBER");
  await join(coordinator, workspaceId, viewer, "VIEWER");
});

describe("team meetings", () => {
  it("runs a meeting from agenda to minutes, and action items land in the action plan", async () => {
    const meeting = await createMeeting(coordinator, workspaceId, {
      title: "December planning meeting",
      startsAt: "2026-12-03T15:00:00Z",
      location: "County building, room 2",
      agenda: [{ worksheetKey: "team-charter", minutes: 20 }, { title: "Updates from partners", minutes: 10 }],
    });
    expect((await listMeetings(member, workspaceId)).upcoming.map((m) => m.title)).toEqual(["December planning meeting"]);

    expect(await code(startMeeting(member, workspaceId, meeting.id))).toBe("forbidden");
    await startMeeting(coordinator, workspaceId, meeting.id);
    await joinMeeting(member, workspaceId, meeting.id);
    await joinMeeting(viewer, workspaceId, meeting.id);
    await addGuest(coordinator, workspaceId, meeting.id, { name: "Pat Guest (county commissioner)" });

    const agenda = (await getDb().meetingAgendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } })).map((a) => a.id);
    await saveNotes(member, workspaceId, meeting.id, { agendaItemId: agenda[0], notes: "Agreed to meet monthly." });
    await addDecision(coordinator, workspaceId, meeting.id, { agendaItemId: agenda[0], text: "Decisions are made by consensus." });
    await saveAnswer(member, workspaceId, "charter.purpose", { value: "Build a 24/7 crisis response.", baseVersion: 0 });
    await addActionItem(member, workspaceId, meeting.id, { agendaItemId: agenda[0], action: "Draft the data-sharing MOU", ownerId: member.userId, dueDate: "2027-01-15" });
    expect(await code(addDecision(viewer, workspaceId, meeting.id, { text: "Viewers cannot decide" }))).toBe("forbidden");
    await moveToAgendaItem(coordinator, workspaceId, meeting.id, { position: 1 });
    await endMeeting(coordinator, workspaceId, meeting.id);

    const minutes = await getMinutes(viewer, workspaceId, meeting.id);
    expect(minutes.attendance.map((a) => a.name)).toEqual(["Ana Coordinator", "Ben Member", "Cy Viewer", "Pat Guest (county commissioner)"]);
    const charter = minutes.items[0];
    expect(charter.notes).toBe("Agreed to meet monthly.");
    expect(charter.decisions.map((d) => d.text)).toEqual(["Decisions are made by consensus."]);
    expect(charter.changes).toEqual([
      expect.objectContaining({ itemKey: "charter.purpose", before: null, after: "Build a 24/7 crisis response.", by: ["Ben Member"] }),
    ]);
    expect(minutes.actions).toEqual([expect.objectContaining({ action: "Draft the data-sharing MOU", owner: "Ben Member", dueDate: "2027-01-15" })]);
    expect(minutes.actions[0].planRowId).toBeTruthy();

    const wb = await getDb().workbook.findUniqueOrThrow({ where: { workspaceId } });
    const plan = await getDb().answer.findUniqueOrThrow({ where: { workbookId_itemKey: { workbookId: wb.id, itemKey: ACTION_PLAN_ITEM_KEY } } });
    expect((plan.value as { rows: { id: string; cells: Record<string, unknown> }[] }).rows).toEqual([
      { id: minutes.actions[0].planRowId, cells: expect.objectContaining({ action: "Draft the data-sharing MOU", owner: member.userId, due: "2027-01-15", status: "not_started" }) },
    ]);
    expect((await myActionItems(member)).map((a) => a.action)).toEqual(["Draft the data-sharing MOU"]);
    expect((await listMeetings(viewer, workspaceId)).past.map((m) => m.title)).toEqual(["December planning meeting"]);
    expect(await code(saveNotes(member, workspaceId, meeting.id, { agendaItemId: agenda[0], notes: "late" }))).toBe("conflict");

    // The minutes PDF holds the same.
    const pdf = await renderMinutesPdf(minutesData(minutes, "Meeting County Plan"));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "minutes-")), "minutes.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const expected of [
      "December planning meeting",
      "Ana Coordinator",
      "Ben Member",
      "Pat Guest (county commissioner) (guest)",
      "Decisions are made by consensus.",
      "Agreed to meet monthly.",
      "Build a 24/7 crisis response.",
      "Draft the data-sharing MOU",
      "Page 1 of",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("refuses bad agendas and hides meetings from non-members", async () => {
    expect(await code(createMeeting(coordinator, workspaceId, { title: "", startsAt: "2026-12-03T15:00:00Z", agenda: [{ title: "x" }] }))).toBe("validation_failed");
    expect(await code(createMeeting(coordinator, workspaceId, { title: "x", startsAt: "tomorrow", agenda: [{ title: "x" }] }))).toBe("validation_failed");
    expect(await code(createMeeting(coordinator, workspaceId, { title: "x", startsAt: "2026-12-03T15:00:00Z", agenda: [] }))).toBe("validation_failed");
    expect(await code(createMeeting(coordinator, workspaceId, { title: "x", startsAt: "2026-12-03T15:00:00Z", agenda: [{ worksheetKey: "no-such" }] }))).toBe("validation_failed");
    expect(await code(createMeeting(coordinator, workspaceId, { title: "x", startsAt: "2026-12-03T15:00:00Z", agenda: [{ title: "x" }], extra: 1 }))).toBe("validation_failed");
    expect(await code(createMeeting(member, workspaceId, { title: "x", startsAt: "2026-12-03T15:00:00Z", agenda: [{ title: "x" }] }))).toBe("forbidden");
    const before = await getDb().meeting.count();
    expect(await code(listMeetings(outsider, workspaceId))).toBe("not_found");
    const m = await getDb().meeting.findFirstOrThrow({ where: { workspaceId } });
    expect(await code(getMinutes(outsider, workspaceId, m.id))).toBe("not_found");
    expect(await code(startMeeting(outsider, workspaceId, m.id))).toBe("not_found");
    expect(await getDb().meeting.count()).toBe(before);
  });
});
