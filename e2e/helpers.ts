import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "demo-password-e2e";
export const DEMO = {
  coordinator: "coordinator@example.org",
  member: "member@example.org",
  viewer: "viewer@example.org",
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/workspaces/);
}

/** axe-core must find no violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function openDemoWorkspace(page: Page) {
  await page.goto("/workspaces");
  await page.getByRole("link", { name: "Demo County Crisis Response Plan" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return page.url().split("/w/")[1];
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.net`;
}
