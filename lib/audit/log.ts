import "server-only";
import type { Tx } from "@/lib/db/client";

export type AuditEntry = {
  workspaceId: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/** Writes an audit entry inside the caller's transaction, so it commits with the change. */
export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      workspaceId: entry.workspaceId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      data: (entry.data ?? undefined) as never,
    },
  });
}

/** Plain-language descriptions for the activity page. */
export const AUDIT_LABELS: Record<string, string> = {
  "workspace.created": "created the workspace",
  "workspace.updated": "updated the workspace details",
  "workspace.archived": "archived the workspace",
  "workspace.restored": "restored the workspace",
  "member.joined": "joined the workspace",
  "member.role_changed": "changed a member's role",
  "member.removed": "removed a member",
  "member.left": "left the workspace",
  "invitation.created": "invited someone",
  "invitation.resent": "resent an invitation",
  "invitation.revoked": "revoked an invitation",
  "worksheet.status_changed": "changed a worksheet's status",
  "answer.restored": "restored an earlier answer",
  "workbook.upgraded": "moved the plan to a newer version of the workbook",
  "assignment.created": "assigned a worksheet",
  "assignment.removed": "removed an assignment",
  "calldata.imported": "imported 911 call data",
  "calldata.mapped": "changed the call-type mapping",
  "meeting.scheduled": "scheduled a meeting",
  "meeting.started": "started a meeting",
  "meeting.ended": "ended a meeting",
  "assignment.updated": "changed an assignment's due date",
};
