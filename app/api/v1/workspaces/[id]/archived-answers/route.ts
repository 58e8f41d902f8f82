import { apiRoute } from "@/lib/api/handler";
import { archivedAnswers } from "@/lib/workbook/upgrade";

/** Answers to questions that a workbook upgrade removed, still readable. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ archivedAnswers: await archivedAnswers(actor, params.id) }));
