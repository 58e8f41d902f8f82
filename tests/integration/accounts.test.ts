import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authorize";
import { authenticate, SIGN_IN_FAILED } from "@/lib/auth/options";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { changePasswordAction, signUpAction, updateProfileAction } from "@/app/actions/accounts";
import { createWorkspaceAction, updateWorkspaceAction } from "@/app/actions/workspaces";
import { POST as postWorkspaces } from "@/app/api/v1/workspaces/route";
import { callRoute, signInAs } from "../support/session-mock";
import { counts, dbFingerprint, newUser, PASSWORD } from "../support/teams";

vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", async () => (await import("../support/session-mock")).nextCacheModule);

/**
 * Accounts and workspaces from the outside: every form refuses bad input with
 * a message that says what is wrong and stores nothing; addresses are unique
 * whatever their case; passwords are hashed; sign-in is rate limited in the
 * database.
 */

type Refusal = { ok: false; error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

/** Expects a refused action with an issue at `path` whose message matches, and an unchanged database. */
async function refusedAction(run: () => Promise<unknown>, path: string, message: RegExp) {
  const before = await dbFingerprint();
  const result = (await run()) as Refusal;
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error.code).toBe("validation_failed");
  const issue = result.error.issues?.find((i) => i.path === path);
  expect(issue, `no issue at “${path}” in ${JSON.stringify(result.error)}`).toBeDefined();
  expect(issue!.message).toMatch(message);
  // The summary message names the problem too.
  expect(result.error.message).not.toBe("");
  expect(await dbFingerprint()).toEqual(before);
  return result;
}

const LONG = "N".repeat(10_000);
let seq = 0;
const email = (label: string) => `${label}-${Date.now().toString(36)}-${++seq}@example.org`;

describe("sign-up", () => {
  const valid = () => ({ name: "Rae Rivera", email: email("rae"), password: "a long passphrase" });

  it("creates an account with a bcrypt hash, never the password itself", async () => {
    const input = valid();
    const res = await signUpAction(input);
    expect(res).toEqual({ ok: true, data: { email: input.email } });
    const row = await getDb().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(row.name).toBe("Rae Rivera");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    expect(row.passwordHash).not.toContain(input.password);
    expect(await bcrypt.compare(input.password, row.passwordHash!)).toBe(true);
    const raw = await getDb().$queryRaw<Array<{ row: string }>>`SELECT u::text AS row FROM "User" u WHERE id = ${row.id}`;
    expect(raw[0].row).not.toContain(input.password);
  });

  it("refuses each bad field with a message that says what is wrong, storing nothing", async () => {
    await refusedAction(() => signUpAction({ ...valid(), name: "" }), "name", /Enter your name/);
    await refusedAction(() => signUpAction({ ...valid(), name: "   " }), "name", /Enter your name/);
    await refusedAction(() => signUpAction({ ...valid(), name: LONG }), "name", /at most 100 characters/);
    await refusedAction(() => signUpAction({ ...valid(), email: "not-an-email" }), "email", /valid email address/);
    await refusedAction(() => signUpAction({ ...valid(), email: "" }), "email", /Enter your email address/);
    await refusedAction(() => signUpAction({ ...valid(), email: `${"a".repeat(250)}@example.org` }), "email", /too long/);
    await refusedAction(() => signUpAction({ ...valid(), password: "short" }), "password", /at least 10 characters/);
    await refusedAction(() => signUpAction({ ...valid(), password: "p".repeat(201) }), "password", /at most 200 characters/);
    await refusedAction(() => signUpAction({ ...valid(), name: "Rae\u0000Rivera" }), "name", /invisible character/);
  });

  it("refuses wrong JSON types and unknown fields", async () => {
    await refusedAction(() => signUpAction({ ...valid(), name: 42 }), "name", /Enter your name/);
    await refusedAction(() => signUpAction({ ...valid(), email: ["a@example.org"] }), "email", /Enter your email address/);
    await refusedAction(() => signUpAction({ ...valid(), password: 1234567890123 }), "password", /Enter a password/);
    await refusedAction(() => signUpAction({ ...valid(), role: "COORDINATOR" }), "(root)", /Unknown field: role/);
    const notObject = (await signUpAction("name=Rae")) as Refusal;
    expect(notObject).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await signUpAction(null)).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("keeps addresses unique without regard to case or surrounding spaces", async () => {
    const base = email("Case.Test");
    const first = await signUpAction({ ...valid(), email: base.toUpperCase() });
    expect(first).toEqual({ ok: true, data: { email: base.toLowerCase() } });
    const before = await counts(["User"]);
    for (const variant of [base.toLowerCase(), `  ${base}  `, base.replace("case", "CASE")]) {
      const again = (await signUpAction({ ...valid(), email: variant })) as Refusal;
      expect(again.ok).toBe(false);
      expect(again.error.code).toBe("conflict");
      expect(again.error.message).toMatch(/already exists/);
      expect(again.error.issues?.[0]).toMatchObject({ path: "email" });
    }
    expect(await counts(["User"])).toEqual(before);
  });

  it("lets only one of many simultaneous sign-ups for one address through", async () => {
    const base = email("race");
    const variants = Array.from({ length: 8 }, (_, n) => (n % 2 ? base.toUpperCase() : base));
    const results = await Promise.all(variants.map((e) => signUpAction({ ...valid(), email: e })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await getDb().user.count({ where: { email: { equals: base, mode: "insensitive" } } })).toBe(1);
  });
});

describe("profile and password", () => {
  let me: Actor;
  beforeAll(async () => {
    me = await newUser("Pat Profile");
  });

  it("renames, and refuses bad names storing nothing", async () => {
    signInAs(me);
    expect(await updateProfileAction({ name: "  Pat P. Profile  " })).toEqual({ ok: true, data: { name: "Pat P. Profile" } });
    await refusedAction(() => updateProfileAction({ name: "" }), "name", /Enter your name/);
    await refusedAction(() => updateProfileAction({ name: LONG }), "name", /at most 100 characters/);
    await refusedAction(() => updateProfileAction({ name: ["Pat"] }), "name", /Enter your name/);
    await refusedAction(() => updateProfileAction({ name: "Pat\u0000" }), "name", /invisible character/);
    await refusedAction(() => updateProfileAction({ name: "Pat", email: "new@example.org" }), "(root)", /Unknown field: email/);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.userId } })).name).toBe("Pat P. Profile");
  });

  it("asks a signed-out visitor to sign in", async () => {
    signInAs(null);
    expect(await updateProfileAction({ name: "Ghost" })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "whatever long" })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
  });

  it("refuses a wrong current password, a reused or weak new one, and bad fields, keeping the old hash", async () => {
    signInAs(me);
    const hash = async () => (await getDb().user.findUniqueOrThrow({ where: { id: me.userId } })).passwordHash;
    const before = await hash();
    await refusedAction(() => changePasswordAction({ currentPassword: "not my password", newPassword: "brand new passphrase" }), "currentPassword", /not your current password/);
    const wrong = (await changePasswordAction({ currentPassword: "not my password", newPassword: "brand new passphrase" })) as Refusal;
    expect(wrong.error.message).toBe("Your current password is not correct.");
    await refusedAction(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: PASSWORD }), "newPassword", /different from the current one/);
    await refusedAction(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: "short" }), "newPassword", /at least 10/);
    await refusedAction(() => changePasswordAction({ currentPassword: PASSWORD, newPassword: 12345678901 }), "newPassword", /Enter a password/);
    await refusedAction(() => changePasswordAction({ currentPassword: PASSWORD }), "newPassword", /Enter a password/);
    await refusedAction(() => changePasswordAction({ currentPassword: "", newPassword: "brand new passphrase" }), "currentPassword", /Enter your current password/);
    await refusedAction(
      () => changePasswordAction({ currentPassword: PASSWORD, newPassword: "brand new passphrase", confirm: "brand new passphrase" }),
      "(root)",
      /Unknown field: confirm/,
    );
    expect(await hash()).toBe(before);
  });

  it("changes the password: the new one signs in, the old one no longer does", async () => {
    signInAs(me);
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "brand new passphrase" })).toEqual({ ok: true, data: undefined });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(row.passwordHash).not.toContain("brand new passphrase");
    await expect(authenticate(me.email, "brand new passphrase", "pw-change")).resolves.toMatchObject({ id: me.userId });
    await expect(authenticate(me.email, PASSWORD, "pw-change")).rejects.toThrow(SIGN_IN_FAILED);
  });
});

describe("creating and updating a workspace", () => {
  let me: Actor;
  const valid = { name: "Harbor County crisis plan", jurisdiction: "Harbor County, Maine", population: 48_000 };
  beforeAll(async () => {
    me = await newUser("Cass Creator");
  });
  const viaApi = (body: unknown) => callRoute(postWorkspaces, { method: "POST", path: "/api/v1/workspaces", params: {}, body });

  /** The same bad input, through the server action and through POST /api/v1/workspaces. */
  async function refusedBoth(input: Record<string, unknown>, path: string, message: RegExp) {
    signInAs(me);
    await refusedAction(() => createWorkspaceAction(input), path, message);
    const before = await dbFingerprint();
    const res = await viaApi(input);
    expect(res.status, res.text).toBe(422);
    const body = res.body as { error: { code: string; issues: Array<{ path: string; message: string }> } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(await dbFingerprint()).toEqual(before);
  }

  it("refuses bad input through the action and the API with the same messages, storing nothing", async () => {
    await refusedBoth({ ...valid, name: "" }, "name", /Enter a name for the plan/);
    await refusedBoth({ ...valid, name: LONG }, "name", /at most 120 characters/);
    await refusedBoth({ ...valid, name: 7 }, "name", /Enter a name for the plan/);
    await refusedBoth({ ...valid, jurisdiction: "" }, "jurisdiction", /Enter the jurisdiction/);
    await refusedBoth({ ...valid, jurisdiction: LONG }, "jurisdiction", /at most 120/);
    await refusedBoth({ ...valid, name: "Harbor\u0000plan" }, "name", /invisible character/);
    await refusedBoth({ ...valid, jurisdiction: "Harbor\u0000County" }, "jurisdiction", /invisible character/);
    await refusedBoth({ ...valid, population: "48000" }, "population", /whole number/);
    await refusedBoth({ ...valid, population: 12.5 }, "population", /whole number/);
    await refusedBoth({ ...valid, population: 0 }, "population", /at least 1/);
    await refusedBoth({ ...valid, population: 1e12 }, "population", /too large/);
    await refusedBoth({ ...valid, ownerId: "someone" }, "(root)", /Unknown field: ownerId/);
  });

  it("answers malformed JSON with 400 and a signed-out caller with 401, storing nothing", async () => {
    const before = await dbFingerprint();
    signInAs(me);
    const malformed = await viaApi('{"name": "Harbor"');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: "bad_request", message: "The request body is not valid JSON." } });
    signInAs(null);
    expect((await viaApi(valid)).status).toBe(401);
    expect(await createWorkspaceAction(valid)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await dbFingerprint()).toEqual(before);
  });

  it("creates a workspace with its creator as coordinator, a workbook and one audit entry", async () => {
    signInAs(me);
    const before = await counts(["Workspace", "Membership", "Workbook", "AuditLog"]);
    const res = await viaApi(valid);
    expect(res.status, res.text).toBe(201);
    const ws = (res.body as { workspace: { id: string; name: string; population: number } }).workspace;
    expect(ws).toMatchObject({ name: valid.name, population: 48_000 });
    expect(await counts(["Workspace", "Membership", "Workbook", "AuditLog"])).toEqual({
      Workspace: before.Workspace + 1,
      Membership: before.Membership + 1,
      Workbook: before.Workbook + 1,
      AuditLog: before.AuditLog + 1,
    });
    const membership = await getDb().membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: ws.id, userId: me.userId } } });
    expect(membership.role).toBe("COORDINATOR");
    const viaAction = await createWorkspaceAction({ name: "Second plan", jurisdiction: "Harbor County" });
    expect(viaAction).toMatchObject({ ok: true, data: { id: expect.any(String) } });
  });

  it("refuses bad updates with specific messages, storing nothing and logging nothing", async () => {
    signInAs(me);
    const created = (await createWorkspaceAction(valid)) as { ok: true; data: { id: string } };
    const id = created.data.id;
    await refusedAction(() => updateWorkspaceAction(id, { name: "" }), "name", /Enter a name for the plan/);
    await refusedAction(() => updateWorkspaceAction(id, { name: LONG }), "name", /at most 120 characters/);
    await refusedAction(() => updateWorkspaceAction(id, { jurisdiction: 12 }), "jurisdiction", /Enter the jurisdiction/);
    await refusedAction(() => updateWorkspaceAction(id, { population: -5 }), "population", /at least 1/);
    await refusedAction(() => updateWorkspaceAction(id, { name: "Fine", archivedAt: null }), "(root)", /Unknown field: archivedAt/);
    const audits = await getDb().auditLog.count({ where: { workspaceId: id } });
    expect(await updateWorkspaceAction(id, { name: "Harbor County plan (draft)", population: null })).toEqual({
      ok: true,
      data: { name: "Harbor County plan (draft)" },
    });
    const row = await getDb().workspace.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Harbor County plan (draft)", jurisdiction: valid.jurisdiction, population: null });
    expect(await getDb().auditLog.count({ where: { workspaceId: id } })).toBe(audits + 1);
  });
});

describe("sign-in", () => {
  const MAX = config().SIGNIN_MAX_ATTEMPTS;
  const TOO_MANY = /^Too many sign-in attempts\. Please wait \d+ minutes? and try again\.$/;
  let client = 0;
  const newClient = () => `198.51.100.${++client}`;
  const failWith = (p: Promise<unknown>) =>
    p.then(
      () => "signed in",
      (e: Error) => e.message,
    );

  it("signs in with the right password, whatever the address's case", async () => {
    const u = await newUser("Sid Signin");
    await expect(authenticate(u.email.toUpperCase(), PASSWORD, newClient())).resolves.toMatchObject({ id: u.userId });
  });

  it("gives the same message for a wrong password, an unknown address and a malformed one", async () => {
    const u = await newUser("Wendy Wrong");
    const ip = newClient();
    expect(await failWith(authenticate(u.email, "wrong password!", ip))).toBe(SIGN_IN_FAILED);
    expect(await failWith(authenticate(email("nobody"), "wrong password!", ip))).toBe(SIGN_IN_FAILED);
    expect(await failWith(authenticate("not an address", "wrong password!", ip))).toBe(SIGN_IN_FAILED);
    expect(await failWith(authenticate(u.email, "", ip))).toBe(SIGN_IN_FAILED);
    expect(SIGN_IN_FAILED).not.toMatch(/password is wrong|no account|unknown/i);
  });

  it(`refuses even the right password after ${MAX} failures for an address, counting in the database`, async () => {
    const u = await newUser("Lou Locked");
    for (let n = 0; n < MAX; n++) {
      // From different clients, and in different cases: the address is what counts.
      const attempt = n % 2 ? u.email.toUpperCase() : u.email;
      expect(await failWith(authenticate(attempt, `wrong password ${n}`, newClient()))).toBe(SIGN_IN_FAILED);
    }
    expect(await getDb().signInAttempt.count({ where: { key: `email:${u.email}` } })).toBe(MAX);
    expect(await failWith(authenticate(u.email, PASSWORD, newClient()))).toMatch(TOO_MANY);
    // Other people are not affected.
    const other = await newUser("Una Affected");
    expect(await failWith(authenticate(other.email, PASSWORD, newClient()))).toBe("signed in");
  });

  it("holds across app instances: the count lives in the SignInAttempt table", async () => {
    const u = await newUser("Ivy Instance");
    // Failures recorded by other instances are rows in the same table.
    await getDb().signInAttempt.createMany({ data: Array.from({ length: MAX }, () => ({ key: `email:${u.email}` })) });
    expect(await failWith(authenticate(u.email, PASSWORD, newClient()))).toMatch(TOO_MANY);
    // Old failures (outside the window) no longer count.
    const old = new Date(Date.now() - (config().SIGNIN_WINDOW_MINUTES + 1) * 60_000);
    await getDb().signInAttempt.updateMany({ where: { key: `email:${u.email}` }, data: { createdAt: old } });
    expect(await failWith(authenticate(u.email, PASSWORD, newClient()))).toBe("signed in");
  });

  it("clears an address's failures after a successful sign-in", async () => {
    const u = await newUser("Fay Forgetful");
    const ip = newClient();
    for (let n = 0; n < MAX - 1; n++) await failWith(authenticate(u.email, "wrong password!", ip));
    expect(await failWith(authenticate(u.email, PASSWORD, ip))).toBe("signed in");
    for (let n = 0; n < MAX - 1; n++) await failWith(authenticate(u.email, "wrong password!", ip));
    expect(await failWith(authenticate(u.email, PASSWORD, ip))).toBe("signed in");
  });

  it("limits one client across many addresses", async () => {
    const ip = newClient();
    const victim = await newUser("Vic Victim");
    // Spread over many addresses so that no single address reaches its own limit.
    let n = 0;
    for (; n < MAX * 4; n++) {
      const result = await failWith(authenticate(email(`spray${n % (MAX * 2)}`), "guess", ip));
      expect(result, `attempt ${n + 1}`).toBe(SIGN_IN_FAILED);
    }
    expect(await failWith(authenticate(victim.email, PASSWORD, ip))).toMatch(TOO_MANY);
    expect(await getDb().signInAttempt.count({ where: { key: `client:${ip}` } })).toBe(MAX * 4);
    // The same person from another client is fine.
    expect(await failWith(authenticate(victim.email, PASSWORD, newClient()))).toBe("signed in");
  });

  it("does not let simultaneous guesses slip past the limit", async () => {
    const u = await newUser("Para Llel");
    const results = await Promise.all(Array.from({ length: MAX * 3 }, (_, n) => failWith(authenticate(u.email, `parallel guess ${n}`, newClient()))));
    let checked = results.filter((r) => r === SIGN_IN_FAILED).length;
    expect(checked, JSON.stringify(results)).toBeLessThanOrEqual(MAX);
    for (const r of results) expect(r === SIGN_IN_FAILED || TOO_MANY.test(r), r).toBe(true);
    // Whatever the burst left over can still be used up, but no more: MAX guesses per window in all.
    for (let n = 0; n < MAX * 2; n++) if ((await failWith(authenticate(u.email, `late guess ${n}`, newClient()))) === SIGN_IN_FAILED) checked++;
    expect(checked).toBe(MAX);
    expect(await failWith(authenticate(u.email, PASSWORD, newClient()))).toMatch(TOO_MANY);
  });
});
