import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, openDemoWorkspace, signIn } from "./helpers";

test("the coordinator sees the demo plan's real figures, filters the table and downloads the CSV", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const ws = await openDemoWorkspace(page);
  const progress = await (await page.request.get(`/api/v1/workspaces/${ws}/progress`)).json();
  expect(progress.worksheets.length).toBeGreaterThanOrEqual(25);

  await page.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(page.getByText(`${Math.floor(progress.overall * 100)}%`, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  const complete = progress.worksheets.filter((w: { status: string }) => w.status === "COMPLETE");
  expect(complete.length).toBeGreaterThan(0);
  await page.getByLabel("Status", { exact: true }).selectOption("COMPLETE");
  await expect(page.getByText(`Showing ${complete.length} of ${progress.worksheets.length} worksheets.`)).toBeVisible();
  const table = page.getByRole("region", { name: /Worksheets, with status/ });
  await expect(table.getByRole("rowheader")).toHaveCount(complete.length);
  for (const w of complete) await expect(table.getByRole("rowheader", { name: w.title })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(progress.worksheets.length + 1);
  expect(lines[0]).toMatch(/Worksheet/);
  const roster = lines.find((l) => l.includes("Planning team roster"));
  expect(roster).toContain("Complete");
});

test("members see a lighter dashboard", async ({ page }) => {
  await signIn(page, DEMO.member);
  await openDemoWorkspace(page);
  await page.getByRole("link", { name: "Progress", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Progress" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Team activity" })).toHaveCount(0);
  await expectAccessible(page);
});
