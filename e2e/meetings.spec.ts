import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./helpers";

test("schedule, run and end a meeting; the member follows along; minutes and the action plan agree", async ({ browser }) => {
  // A long journey: scheduling, a live meeting followed by a member, minutes and the action plan.
  test.slow();
  const coordCtx = await browser.newContext();
  const memberCtx = await browser.newContext();
  const coord = await coordCtx.newPage();
  const member = await memberCtx.newPage();
  await signIn(coord, DEMO.coordinator);
  await signIn(member, DEMO.member);

  // A fresh plan with the member in it, so the test owns its meeting and action plan.
  const res = await coord.request.post("/api/v1/workspaces", { data: { name: "Meeting test plan", jurisdiction: "Test County" } });
  const ws = (await res.json()).workspace.id as string;
  await coord.goto(`/w/${ws}/members`);
  await coord.getByLabel("Email address").fill(DEMO.member);
  await coord.getByRole("button", { name: "Send invitation" }).click();
  const link = await coord.getByLabel("Invitation link").inputValue();
  await member.goto(link);
  await member.getByRole("button", { name: /^Join/ }).click();
  await member.waitForURL(/\/w\/[^/]+$/);

  await coord.goto(`/w/${ws}/meetings`);
  await expect(coord.getByText("No meetings scheduled.")).toBeVisible();
  await expectAccessible(coord);
  await coord.getByLabel("Title").fill("January planning meeting");
  await coord.getByLabel("Worksheet for item 1").selectOption("team-charter");
  await coord.getByRole("button", { name: "+ Add another topic" }).click();
  await coord.getByLabel("Topic for item 2").fill("Partner updates");
  await coord.getByRole("button", { name: "Schedule meeting" }).click();
  await coord.waitForURL(/\/meetings\/[^/]+$/);
  const meetingUrl = coord.url();
  await coord.getByRole("button", { name: "Start meeting" }).click();
  await expect(coord.getByText("The meeting is in progress.")).toBeVisible();
  await expectAccessible(coord);

  await member.goto(meetingUrl);
  await expect(member.getByTestId("current-item")).toHaveText("1. Team charter");
  await expect(member.getByText("You are following the facilitator.")).toBeVisible();

  // A change to the worksheet during the meeting.
  const purpose = coord.getByRole("textbox", { name: "Why does this team exist?" });
  await purpose.fill("Build a round-the-clock crisis response together.");
  await expect(coord.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });

  await coord.getByLabel("Decision", { exact: true }).fill("The team will meet on the first Tuesday of each month.");
  await coord.getByRole("button", { name: "Record decision" }).click();
  await expect(coord.getByText("Decision recorded.")).toBeVisible();
  await coord.getByLabel("Action item", { exact: true }).fill("Draft the data-sharing agreement");
  await coord.getByLabel("Owner", { exact: true }).selectOption({ label: "Sam Okafor" });
  await coord.getByLabel("Due date", { exact: true }).fill("2027-02-01");
  await coord.getByRole("button", { name: "Add action item" }).click();
  await expect(coord.getByText("Action item added to the action plan.")).toBeVisible();

  await coord.getByRole("button", { name: "Next item →" }).click();
  await expect(member.getByTestId("current-item")).toHaveText("2. Partner updates", { timeout: 5_000 });
  await expectAccessible(member);

  // Detach, then rejoin.
  await member.getByRole("link", { name: "1. Team charter", exact: true }).click();
  await expect(member.getByText("You are looking at a different item than the facilitator.")).toBeVisible();
  await member.getByRole("link", { name: "Rejoin the facilitator" }).click();
  await expect(member.getByTestId("current-item")).toHaveText("2. Partner updates");

  coord.once("dialog", (d) => d.accept());
  await coord.getByRole("button", { name: "End meeting" }).click();
  await coord.waitForURL(/\/minutes$/);
  const attendees = coord.getByRole("list", { name: "Attendees" });
  await expect(attendees).toContainText("Dana Reyes");
  await expect(attendees).toContainText("Sam Okafor");
  await expect(coord.getByText("The team will meet on the first Tuesday of each month.")).toBeVisible();
  await expect(coord.getByRole("cell", { name: "Draft the data-sharing agreement" })).toBeVisible();
  await expect(coord.getByText("Build a round-the-clock crisis response together.")).toBeVisible();
  await expectAccessible(coord);

  // The action item is in the workbook's action plan.
  await coord.goto(`/w/${ws}/worksheets/implementation-action-plan`);
  await expect(coord.getByLabel("Action step, row 1")).toHaveValue("Draft the data-sharing agreement");

  await coordCtx.close();
  await memberCtx.close();
});
