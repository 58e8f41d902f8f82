/**
 * Who may do what, in one table. Reading this file tells you every right each
 * role has; `authorize()` in ./authorize.ts is the only place that consults it.
 */
export const ROLES = ["COORDINATOR", "MEMBER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  COORDINATOR: "Coordinator",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  COORDINATOR: "Runs the plan: manages the team, assigns worksheets and reviews work.",
  MEMBER: "Fills in worksheets, comments and takes part in meetings.",
  VIEWER: "Reads the plan and exports it, but cannot change it.",
};

export const PERMISSIONS = {
  "workspace.read": "See the workspace and its plan",
  "workspace.manage": "Rename, archive and restore the workspace",
  "members.read": "See who is on the team",
  "members.manage": "Invite people, change roles and remove members",
  "audit.read": "See the workspace's activity log",
  "activity.read": "See recent changes to the plan: answers, comments, statuses and assignments",
  "worksheet.read": "Read worksheets and answers",
  "worksheet.edit": "Fill in worksheets and restore earlier answers",
  "worksheet.status": "Change a worksheet's status (up to ready for review)",
  "worksheet.review": "Mark worksheets complete after review",
  "worksheet.assign": "Assign worksheets to members",
  "comment.read": "Read comments",
  "comment.write": "Write, edit and resolve comments",
  "progress.read": "See the progress dashboard",
  "export.create": "Export the workbook as a PDF",
  "workbook.upgrade": "Move the plan to a newer version of its workbook",
  "meeting.read": "See and follow team meetings",
  "meeting.manage": "Schedule, start and run team meetings",
  "meeting.contribute": "Take notes and capture decisions and actions in a meeting",
  "calldata.import": "Import 911 call data (CAD exports) and map call types",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const READ: Permission[] = [
  "workspace.read",
  "members.read",
  "worksheet.read",
  "comment.read",
  "progress.read",
  "export.create",
  "meeting.read",
  "activity.read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  COORDINATOR: Object.keys(PERMISSIONS) as Permission[],
  MEMBER: [...READ, "worksheet.edit", "worksheet.status", "comment.write", "meeting.contribute", "calldata.import"],
  VIEWER: READ,
};

/** Permissions that only read: still allowed while a workspace is archived. */
export const READ_ONLY_PERMISSIONS: ReadonlySet<Permission> = new Set(READ.concat(["audit.read"]));

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
