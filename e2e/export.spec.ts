import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, openDemoWorkspace, signIn } from "./helpers";

test("the coordinator exports a meeting packet from the export dialog", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await openDemoWorkspace(page);
  await page.getByRole("button", { name: "Export PDF" }).click();
  const dialog = page.getByRole("dialog", { name: "Export as PDF" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: /A meeting packet/ }).check();
  await dialog.getByLabel("Meeting title").fill("December planning team meeting");
  await dialog.getByLabel("Meeting date").fill("2026-12-08");
  await dialog.getByRole("checkbox", { name: "Team charter", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "Crisis call data", exact: true }).check();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), dialog.getByRole("button", { name: "Create PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^demo-county-crisis-response-plan.*\.pdf$/);
  await expect(dialog.getByText("Your PDF is ready and has been downloaded.")).toBeVisible();
  const text = execFileSync("pdftotext", ["-layout", await download.path(), "-"], { encoding: "utf8" });
  expect(text).toContain("December planning team meeting");
  expect(text).toContain("Agenda");
  expect(text).toContain("Team charter");
  expect(text).toContain("Crisis call data");
  expect(text).toMatch(/Page 2 of \d+/);
});

test("viewers can export; non-members and bad parameters are refused", async ({ page, browser }) => {
  await signIn(page, DEMO.viewer);
  const ws = await openDemoWorkspace(page);
  const ok = await page.request.get(`/api/v1/workspaces/${ws}/export.pdf?kind=selection&worksheets=team-roster`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/pdf");
  expect(ok.headers()["content-disposition"]).toMatch(/attachment; filename="demo-county-crisis-response-plan/);
  const bad = await page.request.get(`/api/v1/workspaces/${ws}/export.pdf?kind=nonsense`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/kind/);

  const outsiderCtx = await browser.newContext();
  const outsider = await outsiderCtx.newPage();
  await outsider.goto("/signup");
  await outsider.getByLabel("Your name").fill("Out Sider");
  await outsider.getByLabel("Work email").fill(`outsider-${Date.now()}@example.net`);
  await outsider.getByLabel("Password").fill("a-long-password-3");
  await outsider.getByRole("button", { name: "Create account" }).click();
  await outsider.waitForURL(/\/workspaces/);
  const hidden = await outsider.request.get(`/api/v1/workspaces/${ws}/export.pdf`);
  expect(hidden.status()).toBe(404);
  await outsiderCtx.close();
});

test("the print view shows the whole workbook, ready for the browser's printing", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await openDemoWorkspace(page);
  await page.getByRole("link", { name: "Print view" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo County Crisis Response Plan" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /Planning team roster/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Riverside Police Department" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(page);
});
