import { expect, test, type Browser } from "@playwright/test";
import { DEMO, expectAccessible, signIn, uniqueEmail } from "./helpers";

async function signUp(page: import("@playwright/test").Page, name: string, email: string, password: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("sign up, create a plan, invite a member who joins through the link, then becomes a viewer", async ({ browser }: { browser: Browser }) => {
  const coordinatorCtx = await browser.newContext();
  const page = await coordinatorCtx.newPage();
  const coordinatorEmail = uniqueEmail("coord");
  await page.goto("/signup");
  await expectAccessible(page);
  await signUp(page, "Casey Coordinator", coordinatorEmail, "a-long-password-1");
  await page.waitForURL(/\/workspaces/);
  await expect(page.getByText("You are not on any planning team yet")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Plan name").fill("Lake County Crisis Plan");
  await page.getByLabel("Jurisdiction").fill("Lake County, Ohio");
  await page.getByLabel("Population (optional)").fill("230,000");
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Community Crisis Response Planning Workbook" })).toBeVisible();
  const workspaceUrl = page.url();

  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Planning team" })).toBeVisible();
  const memberEmail = uniqueEmail("member");
  await page.getByLabel("Email address").fill(memberEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const linkField = page.getByLabel("Invitation link");
  await expect(linkField).toHaveValue(/\/invite\//);
  const link = await linkField.inputValue();
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(memberEmail, { exact: true })).toBeVisible();
  await expectAccessible(page);

  const memberCtx = await browser.newContext();
  const memberPage = await memberCtx.newPage();
  await memberPage.goto(link);
  await expect(memberPage.getByRole("heading", { name: "Join “Lake County Crisis Plan”" })).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(memberPage.getByLabel("Work email")).toHaveValue(memberEmail);
  await signUp(memberPage, "Morgan Member", memberEmail, "another-password-2");
  await memberPage.waitForURL(/\/invite\//);
  await memberPage.getByRole("button", { name: "Join Lake County Crisis Plan" }).click();
  await memberPage.waitForURL(/\/w\/[^/]+$/);
  await expect(memberPage.getByText("Member", { exact: true })).toBeVisible();

  // The link is single-use.
  await memberPage.goto(link);
  await expect(memberPage.getByText("This invitation has already been used")).toBeVisible();

  // A member can edit a worksheet.
  await memberPage.goto(`${workspaceUrl}/worksheets/practice`);
  await expect(memberPage.getByLabel("Your agency's name")).toBeEnabled();

  // The coordinator makes them a viewer; the viewer can no longer edit.
  await page.reload();
  await page.getByLabel("Role of Morgan Member").selectOption("VIEWER");
  await expect(page.getByText("Morgan Member is now a viewer.")).toBeVisible();
  await memberPage.reload();
  await expect(memberPage.getByLabel("Your agency's name")).toBeDisabled();
  await expect(memberPage.getByText("View only")).toBeVisible();
  const res = await memberPage.request.put(`${workspaceUrl.replace(/\/w\//, "/api/v1/workspaces/")}/answers/practice.short`, {
    data: { value: "should not save", baseVersion: 0 },
  });
  expect(res.status()).toBe(403);

  await coordinatorCtx.close();
  await memberCtx.close();
});

test("sign-in errors do not reveal which addresses exist, and pages pass axe", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("nobody-here@example.net");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});

test("the coordinator sees the members page of the demo workspace", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Demo County Crisis Response Plan" }).click();
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("cell", { name: "member@example.org" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Activity/ })).toBeVisible();
});

test("account and plan settings pages pass axe, and a bad name is refused with a message", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Display name").fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await page.goto("/workspaces");
  await page.getByRole("link", { name: "Demo County Crisis Response Plan" }).click();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan settings" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Plan name").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a name for the plan").first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Plan name")).toHaveValue("Demo County Crisis Response Plan");
});
