import { describe, expect, it } from "vitest";
import { can } from "./authorize";
import { PERMISSIONS, READ_ONLY_PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleHas, type Permission, type Role } from "./permissions";

/**
 * The product's rules about roles, stated independently of the table, so a
 * change to the table that breaks one of them fails here.
 */

const ALL = Object.keys(PERMISSIONS) as Permission[];
const CHANGES: Permission[] = ALL.filter((p) => !READ_ONLY_PERMISSIONS.has(p));
const access = (role: Role, archived = false) => ({
  role,
  workspace: { id: "w", name: "W", jurisdiction: "J", population: null, archivedAt: archived ? new Date() : null },
});

describe("the permission table", () => {
  it("describes every permission it grants", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS[p], `${role}: ${p}`).toBeTruthy();
    for (const p of READ_ONLY_PERMISSIONS) expect(ALL).toContain(p);
  });

  it("lets a coordinator do everything", () => {
    for (const p of ALL) expect(roleHas("COORDINATOR", p), p).toBe(true);
  });

  it("lets a viewer read and export, and change nothing", () => {
    for (const p of ["workspace.read", "worksheet.read", "comment.read", "progress.read", "export.create", "members.read", "meeting.read"] as Permission[]) {
      expect(roleHas("VIEWER", p), p).toBe(true);
    }
    for (const p of CHANGES) expect(roleHas("VIEWER", p), p).toBe(false);
    expect(roleHas("VIEWER", "audit.read")).toBe(false);
  });

  it("lets a member fill in, comment and contribute, but not run the team or sign off work", () => {
    for (const p of ["worksheet.edit", "worksheet.status", "comment.write", "meeting.contribute"] as Permission[]) expect(roleHas("MEMBER", p), p).toBe(true);
    for (const p of ["workspace.manage", "members.manage", "worksheet.review", "worksheet.assign", "meeting.manage", "audit.read"] as Permission[]) {
      expect(roleHas("MEMBER", p), p).toBe(false);
    }
  });

  it("gives each role everything the role below it has", () => {
    for (const p of ROLE_PERMISSIONS.VIEWER) expect(roleHas("MEMBER", p), p).toBe(true);
    for (const p of ROLE_PERMISSIONS.MEMBER) expect(roleHas("COORDINATOR", p), p).toBe(true);
  });
});

describe("can", () => {
  it("follows the table for an active workspace", () => {
    for (const role of ROLES) for (const p of ALL) expect(can(access(role), p), `${role} ${p}`).toBe(roleHas(role, p));
  });

  it("allows only reading in an archived workspace, plus restoring it for a coordinator", () => {
    for (const role of ROLES) {
      for (const p of ALL) {
        const expected = roleHas(role, p) && (READ_ONLY_PERMISSIONS.has(p) || p === "workspace.manage");
        expect(can(access(role, true), p), `${role} ${p}`).toBe(expected);
      }
    }
    expect(can(access("COORDINATOR", true), "worksheet.edit")).toBe(false);
    expect(can(access("COORDINATOR", true), "members.manage")).toBe(false);
    expect(can(access("VIEWER", true), "worksheet.read")).toBe(true);
  });
});
