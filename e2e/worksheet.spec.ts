import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "./helpers";

/** A fresh plan for each test, so tests never share answers. */
async function freshWorkspace(page: Page, name: string) {
  const res = await page.request.post("/api/v1/workspaces", { data: { name, jurisdiction: "Test County" } });
  expect(res.status()).toBe(201);
  return (await res.json()).workspace.id as string;
}

async function saved(page: Page) {
  await expect(page.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });
}

test("a member fills every kind of item, reloads, and everything is still there", async ({ page }) => {
  // Every kind of item, one after another, then a reload: a long journey.
  test.slow();
  await signIn(page, DEMO.member);
  const ws = await freshWorkspace(page, "Every kind of item");
  await page.goto(`/w/${ws}`);
  await expect(page.getByRole("link", { name: "Practice: try each kind of question" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Practice: try each kind of question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Practice: try each kind of question" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Your agency's name").fill("Riverside Mobile Crisis");
  await page.getByLabel("In a few sentences, what brought you to this planning team?").fill("First paragraph.\n\nSecond paragraph.");
  await page.getByLabel("How many years have you worked in your field?").fill("12");
  await page.getByLabel("When did you join the team?").fill("2026-01-15");
  await page.getByRole("radio", { name: "Someone to respond (mobile teams, police, EMS)" }).check();
  await page.getByRole("checkbox", { name: "Weekday evenings" }).check();
  await page.getByRole("checkbox", { name: "The Sequential Intercept Model" }).check();
  await page.locator('[data-item="practice.rating"]').getByText("Quite", { exact: true }).click();

  await page.getByRole("button", { name: /Add row to Two or three colleagues/ }).click();
  await page.getByLabel("Name, row 1").fill("Jordan Lee");
  await page.getByLabel("Team size, row 1").fill("6");
  await page.getByLabel("Contacted?, row 1").selectOption("yes");
  await page.getByRole("button", { name: /Add row to Two or three colleagues/ }).click();
  await page.getByLabel("Name, row 2").fill("Priya Shah");
  await page.getByRole("button", { name: "Move row 2 up" }).click();
  await expect(page.getByLabel("Name, row 1")).toHaveValue("Priya Shah");

  const chart = page.getByTestId("chart-practice.series");
  await page.getByRole("button", { name: /Add row to Practice chart/ }).click();
  await page.getByLabel("Week, row 1").fill("Week 1");
  await page.getByLabel("Phone, Week 1").fill("14");
  await expect(chart.locator("rect[data-series='phone']")).toHaveCount(1);
  await page.getByRole("button", { name: /Add row to Practice chart/ }).click();
  await page.getByLabel("Week, row 2").fill("Week 2");
  await page.getByLabel("Phone, Week 2").fill("20");
  await page.getByLabel("Walk-in, Week 2").fill("3");
  await expect(chart.locator("rect[data-series]")).toHaveCount(3);

  await page.getByRole("button", { name: /Add row to A practice action item/ }).click();
  await page.getByLabel("Action step, row 1").fill("Call the 988 center director");
  await page.getByLabel("Owner, row 1").selectOption({ label: "Sam Okafor" });
  await page.getByLabel("Due date, row 1").fill("2026-12-15");
  await page.getByLabel("Status, row 1").selectOption("in_progress");

  await page.getByRole("button", { name: "+ Add a link" }).click();
  await page.getByLabel("Link 1 title").fill("County crisis line");
  await page.getByLabel("Link 1 web address").fill("https://example.org/crisis");
  await page.getByLabel("Link 1 web address").blur();
  await saved(page);

  await page.reload();
  await expect(page.getByLabel("Your agency's name")).toHaveValue("Riverside Mobile Crisis");
  await expect(page.getByLabel("In a few sentences, what brought you to this planning team?")).toHaveValue("First paragraph.\n\nSecond paragraph.");
  await expect(page.getByLabel("How many years have you worked in your field?")).toHaveValue("12");
  await expect(page.getByLabel("When did you join the team?")).toHaveValue("2026-01-15");
  await expect(page.getByRole("radio", { name: "Someone to respond (mobile teams, police, EMS)" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Weekday evenings" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "The Sequential Intercept Model" })).toBeChecked();
  await expect(page.locator('[data-item="practice.rating"] input[value="4"]')).toBeChecked();
  await expect(page.getByLabel("Name, row 1")).toHaveValue("Priya Shah");
  await expect(page.getByLabel("Name, row 2")).toHaveValue("Jordan Lee");
  await expect(page.getByLabel("Team size, row 2")).toHaveValue("6");
  await expect(page.getByLabel("Walk-in, Week 2")).toHaveValue("3");
  await expect(chart.locator("rect[data-series]")).toHaveCount(3);
  await expect(page.getByLabel("Owner, row 1")).toHaveValue(/.+/);
  await expect(page.getByLabel("Link 1 web address")).toHaveValue("https://example.org/crisis");

  // A value the item does not accept gets a message next to the field and is not saved.
  await page.getByLabel("How many years have you worked in your field?").fill("200");
  await expect(page.getByText("At most 80")).toBeVisible();
  await expect(page.getByTestId("save-indicator")).toHaveText("Some answers need your attention");
});

test("two people edit the same answer: the second sees the conflict and resolves it", async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pa = await a.newPage();
  const pb = await b.newPage();
  // Two browser contexts, each signed in on its own, work in the same new plan.
  await signIn(pa, DEMO.coordinator);
  await signIn(pb, DEMO.coordinator);
  const ws = await freshWorkspace(pa, "Conflict test");
  const url = `/w/${ws}/worksheets/practice`;
  await pa.goto(url);
  await pb.goto(url);
  const field = "In a few sentences, what brought you to this planning team?";
  await pb.getByLabel(field).click();
  await pa.getByLabel(field).fill("We run the county's mobile crisis teams.");
  await saved(pa);
  await pb.getByLabel(field).fill("I coordinate 911 dispatch.");
  await expect(pb.getByTestId("conflict-practice.long")).toBeVisible({ timeout: 15_000 });
  await expect(pb.getByTestId("conflict-practice.long")).toContainText("We run the county's mobile crisis teams.");
  await expect(pb.getByTestId("conflict-practice.long")).toContainText("I coordinate 911 dispatch.");
  await expectAccessible(pb);
  await pb.getByRole("button", { name: "Edit a merged version" }).click();
  await pb.getByLabel("Merged version").fill("We run the county's mobile crisis teams, and I coordinate 911 dispatch.");
  await pb.getByRole("button", { name: "Save merged version" }).click();
  await saved(pb);
  const res = await pa.request.get(`/api/v1/workspaces/${ws}/workbook`);
  const body = await res.json();
  const item = body.sections.flatMap((s: { worksheets: { items: { key: string; answer?: { value: unknown; version: number } }[] }[] }) => s.worksheets.flatMap((w) => w.items)).find((i: { key: string }) => i.key === "practice.long");
  expect(item.answer).toMatchObject({ value: "We run the county's mobile crisis teams, and I coordinate 911 dispatch.", version: 2 });
  await a.close();
  await b.close();
});

test("going offline mid-typing keeps the text and saves it when back online", async ({ page, context }) => {
  await signIn(page, DEMO.member);
  const ws = await freshWorkspace(page, "Offline test");
  await page.goto(`/w/${ws}/worksheets/practice`);
  const field = page.getByLabel("Your agency's name");
  await field.fill("Lakeshore");
  await saved(page);
  await context.setOffline(true);
  await field.pressSequentially(" 988 Crisis Center");
  await expect(page.getByTestId("save-indicator")).toHaveText("Not saved — retrying", { timeout: 15_000 });
  await context.setOffline(false);
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("Your agency's name")).toHaveValue("Lakeshore 988 Crisis Center");
});

test("viewers see the worksheet read-only", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.getByRole("link", { name: "Demo County Crisis Response Plan" }).click();
  await page.getByRole("link", { name: "Planning team roster" }).click();
  await expect(page.getByText("View only")).toBeVisible();
  await expect(page.getByRole("button", { name: /Add row/ })).toHaveCount(0);
  await expectAccessible(page);
});
