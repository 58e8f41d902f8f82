import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, openDemoWorkspace, signIn } from "./helpers";

/**
 * Two people on one worksheet of the demo plan: live answers, presence, an
 * @mention that reaches the other person's notification count, assignment to
 * My work, history with restore, and the activity feed — each screen checked
 * with axe.
 */

const FIELD = "Who speaks to the media for the team?";
const ITEM = "comms.spokesperson";

async function unread(page: Page) {
  const text = (await page.getByTestId("unread-count").textContent()) ?? "";
  const n = Number.parseInt(text, 10);
  return Number.isNaN(n) ? 0 : n;
}

async function live(page: Page) {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
}

test("two people work on one worksheet together", async ({ browser }) => {
  // A long journey through presence, saves, comments, history, assignments and notifications.
  test.slow();
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  await signIn(pa, DEMO.coordinator);
  await signIn(pb, DEMO.member);
  const ws = await openDemoWorkspace(pa);
  const url = `/w/${ws}/worksheets/communications-plan`;
  await pa.goto(url);
  await pb.goto(url);
  await live(pa);
  await live(pb);

  // Each sees the other on the worksheet.
  await expect(pb.getByTestId("presence")).toContainText("Dana Reyes is also here", { timeout: 15_000 });
  await expect(pa.getByTestId("presence")).toContainText("Sam Okafor is also here", { timeout: 15_000 });

  // A starts editing an item: B sees who is editing it.
  const value = `Jordan Ellis, county communications (${Date.now().toString(36)})`;
  await pa.getByRole("textbox", { name: FIELD, exact: true }).click();
  await expect(pb.getByTestId(`editing-${ITEM}`)).toContainText("Dana Reyes is editing this", { timeout: 10_000 });

  // A saves twice: B sees each value without reloading, within 2 seconds.
  const first = `Jordan Ellis (${Date.now().toString(36)})`;
  await pa.getByRole("textbox", { name: FIELD, exact: true }).fill(first);
  await pa.getByRole("textbox", { name: FIELD, exact: true }).blur();
  await expect(pa.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(pb.getByRole("textbox", { name: FIELD, exact: true })).toHaveValue(first, { timeout: 2_000 });
  await pa.getByRole("textbox", { name: FIELD, exact: true }).fill(value);
  await pa.getByRole("textbox", { name: FIELD, exact: true }).blur();
  await expect(pa.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(pb.getByRole("textbox", { name: FIELD, exact: true })).toHaveValue(value, { timeout: 2_000 });
  await expect(pb.locator(`[data-item="${ITEM}"]`)).toContainText("Updated by Dana Reyes just now.");

  // A mentions B in a comment on the worksheet: B's unread count rises.
  const before = await unread(pb);
  const box = pa.getByLabel("New comment on this worksheet");
  await box.click();
  await box.pressSequentially("Can you confirm this, @Sam");
  const option = pa.getByRole("option", { name: "Sam Okafor" });
  await expect(option).toBeVisible();
  await box.press("Enter");
  await box.pressSequentially("before Friday?");
  await expect(box).toHaveValue("Can you confirm this, @Sam Okafor before Friday?");
  await pa.getByRole("button", { name: "Post comment" }).last().click();
  await expect(pa.getByTestId("comments-worksheet").getByTestId("comment").last()).toContainText("@Sam Okafor before Friday?");
  await expect.poll(() => unread(pb), { timeout: 10_000 }).toBeGreaterThan(before);
  // B sees the comment appear without reloading.
  await expect(pb.getByTestId("comments-worksheet")).toContainText("Can you confirm this, @Sam Okafor before Friday?", { timeout: 10_000 });

  // B replies on the item's own comments, with the panel open: accessible.
  await pb.getByRole("button", { name: `Comments on “${FIELD}”` }).click();
  const itemComments = pb.getByTestId(`comments-${ITEM}`);
  await itemComments.getByLabel("New comment on this question").fill("Jordan agreed at the last meeting.");
  await itemComments.getByRole("button", { name: "Post comment" }).click();
  await expect(itemComments.getByTestId("comment")).toContainText("Jordan agreed at the last meeting.");
  await expect(pa.getByRole("button", { name: `Comments on “${FIELD}”` })).toContainText("1 open", { timeout: 10_000 });
  await expectAccessible(pb);

  // History: A's change is listed; A restores the previous version, B sees it live.
  await pb.getByRole("button", { name: `History of “${FIELD}”` }).click();
  const history = pb.getByTestId(`history-${ITEM}`);
  await expect(history).toContainText("Dana Reyes");
  await expectAccessible(pb);
  await history.getByRole("button", { name: /Restore this version/ }).first().click();
  await history.getByRole("button", { name: "Yes, restore" }).click();
  await expect(history.getByRole("status")).toContainText("is the current answer again");
  await expect(pb.getByRole("textbox", { name: FIELD, exact: true })).toHaveValue(first);
  await expect(pa.getByRole("textbox", { name: FIELD, exact: true })).toHaveValue(first, { timeout: 5_000 });
  await expect(history).toContainText("(restored version");

  // A assigns the worksheet to B with a due date in the past: it shows as overdue in B's My work.
  await pa.getByRole("button", { name: "Assign people" }).click();
  await pa.getByRole("checkbox", { name: /Sam Okafor/ }).check();
  await pa.getByLabel("Due date (optional)").fill("2026-01-05");
  await pa.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(pa.getByTestId("assignments")).toContainText("Sam Okafor");
  await expect(pb.getByTestId("assignments")).toContainText("Sam Okafor", { timeout: 10_000 });

  await pb.goto("/my-work");
  await expect(pb.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  const row = pb.getByTestId("my-work-row").filter({ hasText: "Communications plan" });
  await expect(row).toContainText("Overdue — was due Jan 5, 2026");
  await expectAccessible(pb);

  await pb.goto("/notifications");
  await expect(pb.getByTestId("notification-list")).toContainText("Dana Reyes mentioned you in a comment on Communications plan");
  await expect(pb.getByTestId("notification-list")).toContainText("Dana Reyes assigned you the worksheet Communications plan");
  await expectAccessible(pb);
  await pb.getByRole("button", { name: "Mark all as read" }).click();
  await expect(pb.getByText("You have no unread notifications.")).toBeVisible();
  await expect.poll(() => unread(pb)).toBe(0);

  await pb.goto(`/w/${ws}/activity`);
  await expect(pb.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expect(pb.getByTestId("activity-feed")).toContainText(`changed “${FIELD}”`);
  await pb.getByLabel("Person").selectOption({ label: "Dana Reyes" });
  await pb.getByRole("button", { name: "Show", exact: true }).click();
  await expect(pb.getByTestId("activity-feed")).toContainText("Dana Reyes");
  await expect(pb.getByTestId("activity-feed")).not.toContainText("Sam Okafor commented");
  await expectAccessible(pb);

  // Clean up the assignment so the demo plan stays as it was.
  await pa.getByRole("button", { name: /Remove Sam Okafor from this worksheet/ }).click();
  await expect(pa.getByTestId("assignments")).toContainText("No one yet.");
  await a.close();
  await b.close();
});
