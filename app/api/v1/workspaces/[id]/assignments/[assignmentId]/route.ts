import { apiRoute } from "@/lib/api/handler";
import { removeAssignment } from "@/lib/assignments/service";

export const DELETE = apiRoute<{ id: string; assignmentId: string }>(async ({ actor, params }) => removeAssignment(actor, params.id, params.assignmentId));
