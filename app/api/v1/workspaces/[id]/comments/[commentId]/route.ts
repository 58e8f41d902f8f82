import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteComment, editComment } from "@/lib/comments/service";

/** PATCH {body}: edit your own comment. */
export const PATCH = apiRoute<{ id: string; commentId: string }>(async ({ req, actor, params }) => {
  const body = await readJson(req, z.unknown(), 32 * 1024);
  return editComment(actor, params.id, params.commentId, body);
});

/** DELETE: delete your own comment (a thread goes with its last comment). */
export const DELETE = apiRoute<{ id: string; commentId: string }>(async ({ actor, params }) => deleteComment(actor, params.id, params.commentId));
