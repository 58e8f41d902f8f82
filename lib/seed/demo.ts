import "server-only";
import { config } from "@/lib/config";
import { hashPassword } from "@/lib/auth/password";
import { directDatabaseUrl, getDb } from "@/lib/db/client";
import { LOCK_KEYS, withSessionLock } from "@/lib/db/lock";
import { createWorkbookForWorkspace } from "@/lib/workbook/create";
import { demoAnswers, demoStatuses } from "@/lib/workbook/templates/demo-answers";
import { templateIndex, DEFAULT_TEMPLATE_KEY, TEMPLATES } from "@/lib/workbook/templates";

export const DEMO_WORKSPACE_NAME = "Demo County Crisis Response Plan";
export const DEMO_USERS = [
  { email: "coordinator@example.org", name: "Dana Reyes", role: "COORDINATOR" as const },
  { email: "member@example.org", name: "Sam Okafor", role: "MEMBER" as const },
  { email: "viewer@example.org", name: "Lee Whitfield", role: "VIEWER" as const },
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo workspace into an empty database (no users yet), unless
 * DEMO_SEED=false. Returns the demo sign-in details when the demo users exist.
 * Instances starting at the same moment seed one after another under an
 * advisory lock (on DIRECT_DATABASE_URL), so only the first one seeds.
 */
export async function seedDemoIfEmpty(): Promise<{ demo?: { emails: string[]; password: string }; created: boolean }> {
  const c = config();
  if (!c.DEMO_SEED) return { created: false };
  const db = getDb();
  const created = await withSessionLock(directDatabaseUrl(), LOCK_KEYS.seed, async () => {
    if ((await db.user.count()) > 0) return false;
    await seedDemo(c.DEMO_PASSWORD);
    return true;
  });
  const demoExists = await db.user.findUnique({ where: { email: DEMO_USERS[0].email } });
  return demoExists ? { demo: { emails: DEMO_USERS.map((u) => u.email), password: c.DEMO_PASSWORD }, created } : { created };
}

export async function seedDemo(password: string) {
  const db = getDb();
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  return db.$transaction(
    async (tx) => {
      const users = [];
      for (const u of DEMO_USERS) {
        users.push(await tx.user.create({ data: { email: u.email, name: u.name, passwordHash, createdAt: new Date(now - 60 * DAY) } }));
      }
      const [coordinator, member, viewer] = users;
      const ws = await tx.workspace.create({
        data: { name: DEMO_WORKSPACE_NAME, jurisdiction: "Demo County (fictional)", population: 248_600, createdAt: new Date(now - 60 * DAY) },
      });
      for (let i = 0; i < users.length; i++) {
        await tx.membership.create({ data: { workspaceId: ws.id, userId: users[i].id, role: DEMO_USERS[i].role, createdAt: new Date(now - 59 * DAY) } });
      }
      const wb = await createWorkbookForWorkspace(tx, ws.id);
      const index = templateIndex(DEFAULT_TEMPLATE_KEY, TEMPLATES[DEFAULT_TEMPLATE_KEY].version)!;
      const answers = demoAnswers({ coordinator: coordinator.id, member: member.id, viewer: viewer.id });
      const revisions = [];
      const answerRows = [];
      for (let i = 0; i < answers.length; i++) {
        const a = answers[i];
        const entry = index.itemByKey.get(a.itemKey);
        if (!entry) continue;
        const at = new Date(now - (56 - Math.floor((i / answers.length) * 54)) * DAY);
        const actorId = i % 3 === 0 ? member.id : coordinator.id;
        answerRows.push({ workbookId: wb.id, worksheetKey: entry.worksheetKey, itemKey: a.itemKey, value: a.value as never, version: 1, updatedById: actorId, updatedAt: at });
        revisions.push({ workbookId: wb.id, worksheetKey: entry.worksheetKey, itemKey: a.itemKey, version: 1, newValue: a.value as never, actorId, createdAt: at });
      }
      await tx.answer.createMany({ data: answerRows });
      await tx.answerRevision.createMany({ data: revisions });
      const statusEntries = Object.entries(demoStatuses);
      for (let i = 0; i < statusEntries.length; i++) {
        const [worksheetKey, status] = statusEntries[i];
        const at = new Date(now - (40 - i * 2) * DAY);
        await tx.worksheetState.create({ data: { workbookId: wb.id, worksheetKey, status, updatedById: coordinator.id, updatedAt: at } });
        if (status !== "NOT_STARTED") {
          await tx.worksheetStatusChange.create({
            data: { workbookId: wb.id, worksheetKey, fromStatus: "NOT_STARTED", toStatus: status, actorId: coordinator.id, createdAt: at },
          });
        }
      }
      await tx.auditLog.create({
        data: { workspaceId: ws.id, actorId: coordinator.id, action: "workspace.created", targetType: "workspace", targetId: ws.id, createdAt: new Date(now - 60 * DAY) },
      });
      return { workspaceId: ws.id, users };
    },
    { timeout: 60_000 },
  );
}
