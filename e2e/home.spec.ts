import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("the home page says what the product is and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("crisis response");
  await expect(page.getByText("shared workspace for a community's crisis-response planning team")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectAccessible(page);
});

test("the health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok", pid: expect.any(Number) });
});

test("the sources page names the frameworks and links the CSG workbook", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "sources and acknowledgements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sources and acknowledgements" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Community-Driven Crisis Response: A Workbook for Coordinators" })).toHaveAttribute(
    "href",
    "https://jmhcp.org/resources/community-driven-crisis-response-a-workbook-for-coordinators",
  );
  await expect(page.getByText("Sequential Intercept Model", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
