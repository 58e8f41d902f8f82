import { z } from "zod";

export const agendaEntrySchema = z.union([
  z.strictObject({
    worksheetKey: z.string().min(1).max(80),
    minutes: z.number().int("Use whole minutes").min(1, "At least 1 minute").max(480, "At most 480 minutes").optional(),
  }),
  z.strictObject({
    title: z.string().trim().min(1, "Give the agenda item a title").max(200, "Use at most 200 characters"),
    minutes: z.number().int("Use whole minutes").min(1, "At least 1 minute").max(480, "At most 480 minutes").optional(),
  }),
]);

export const createMeetingSchema = z.strictObject({
  title: z.string({ message: "Enter a title" }).trim().min(1, "Enter a title").max(200, "Use at most 200 characters"),
  startsAt: z.iso.datetime({ offset: true, message: "Use a date and time like 2026-12-03T14:00:00Z" }),
  location: z.string().trim().max(500, "Use at most 500 characters").optional(),
  agenda: z.array(agendaEntrySchema).min(1, "Add at least one agenda item").max(30, "At most 30 agenda items"),
});
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

export const notesSchema = z.strictObject({
  agendaItemId: z.string().min(1).max(64),
  notes: z.string().max(20_000, "Notes can be at most 20,000 characters"),
});

export const decisionSchema = z.strictObject({
  agendaItemId: z.string().min(1).max(64).optional(),
  text: z.string().trim().min(1, "Write the decision").max(2000, "Use at most 2,000 characters"),
});

export const actionItemSchema = z.strictObject({
  agendaItemId: z.string().min(1).max(64).optional(),
  action: z.string().trim().min(1, "Describe the action").max(1000, "Use at most 1,000 characters"),
  ownerId: z.string().min(1).max(64).optional(),
  dueDate: z.iso.date({ message: "Use a date like 2026-12-31" }).optional(),
});

export const guestSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the guest's name").max(120, "Use at most 120 characters"),
});

export const positionSchema = z.strictObject({ position: z.number().int().min(0).max(29) });
