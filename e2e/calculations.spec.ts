import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, openDemoWorkspace, signIn } from "./helpers";

/**
 * The workbook does the arithmetic: a member changes the population on the
 * community profile and the coordinator, who has the capacity estimate open,
 * sees the results change without reloading; defaults can be restored; a
 * share over 100 % gives a message instead of a result. The calculator
 * worksheets pass axe.
 */

const RATE = "Crisis episodes needing an in-person response, per 100,000 people per month";
const SHARE_MOBILE = "Share first triaged to mobile crisis";

async function live(page: Page) {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
}

function episodes(page: Page) {
  return page.getByTestId("calc-capacity.estimate").getByRole("table", { name: "Crisis episodes" });
}

function row(page: Page, name: string) {
  return episodes(page).getByRole("row", { name: new RegExp(`^${name}`) });
}

test("results follow the population across browsers; defaults reset; an impossible share shows a message", async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const coordinator = await a.newPage();
  const member = await b.newPage();
  await signIn(coordinator, DEMO.coordinator);
  await signIn(member, DEMO.member);
  const ws = await openDemoWorkspace(coordinator);

  await coordinator.goto(`/w/${ws}/worksheets/capacity-estimate`);
  await live(coordinator);
  // Demo County: 248,600 people × 230 per 100,000 = 571.8 a month; 32 % = 183.0 to mobile crisis.
  await expect(row(coordinator, "All crisis episodes")).toContainText("572");
  await expect(row(coordinator, "First triaged to mobile crisis")).toContainText("183");
  await expect(coordinator.getByTestId("assumption-capacity.population")).toContainText("from Community profile");
  await expectAccessible(coordinator);

  // 1–2. The member changes the population; the coordinator's results follow without a reload.
  await member.goto(`/w/${ws}/worksheets/community-profile`);
  await live(member);
  const population = member.getByLabel("Population covered by the plan");
  await population.fill("250000");
  await population.blur();
  await expect(member.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(row(coordinator, "All crisis episodes")).toContainText("575", { timeout: 15_000 });
  await expect(row(coordinator, "First triaged to mobile crisis")).toContainText("184");

  // 3. A local figure, then "Reset to default".
  const rate = coordinator.getByLabel(RATE);
  await expect(rate).toHaveValue("230");
  await expect(coordinator.getByTestId("assumption-capacity.episodes-per-100k")).toContainText("default");
  await rate.fill("250");
  await rate.blur();
  await expect(coordinator.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });
  await expect(coordinator.getByTestId("assumption-capacity.episodes-per-100k")).toContainText("local figure");
  await expect(row(coordinator, "All crisis episodes")).toContainText("625");
  await coordinator.getByRole("button", { name: /^Reset to default \(230 per 100,000/ }).click();
  await expect(rate).toHaveValue("230");
  await expect(coordinator.getByTestId("assumption-capacity.episodes-per-100k")).not.toContainText("local figure");
  await expect(row(coordinator, "All crisis episodes")).toContainText("575");
  await expect(coordinator.getByTestId("save-indicator")).toHaveText("All changes saved", { timeout: 15_000 });

  // 4. A share over 100 % shows a message and no result.
  const share = coordinator.getByLabel(SHARE_MOBILE);
  await share.fill("120");
  await expect(row(coordinator, "First triaged to mobile crisis")).toContainText(
    "Needs the share first triaged to mobile crisis between 0 and 100 % (it is 120 %)",
  );
  await expect(row(coordinator, "First triaged to mobile crisis")).not.toContainText("184");
  await share.fill("32");
  await expect(row(coordinator, "First triaged to mobile crisis")).toContainText("184");

  await a.close();
  await b.close();
});

test("the budget and options worksheets show their calculations and pass axe", async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  const ws = await openDemoWorkspace(page);

  await page.goto(`/w/${ws}/worksheets/budget`);
  const gap = page.getByTestId("calc-budget.gap");
  await expect(gap.getByRole("row", { name: /Total yearly cost/ })).toContainText("$1,580,000");
  await expect(gap.getByRole("table", { name: "Funding gap per year" }).getByRole("row", { name: /Year 1/ })).toContainText("$980,000");
  await expectAccessible(page);

  await page.goto(`/w/${ws}/worksheets/options-compared`);
  const ranking = page.getByTestId("calc-options.ranking");
  await expect(ranking.getByRole("row").nth(1)).toContainText("Mobile crisis team");
  await expect(ranking).toContainText("(weight 3)");
  await expectAccessible(page);
});
