/**
 * The marketplace pages on a phone (375 px): each fits without sideways scrolling, with its main
 * controls reachable. Reads the demo world only (Dana's open job, which Sparkle applied to), so it
 * changes nothing another test relies on. With SCREENSHOTS set it also refreshes docs/screenshots.
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./fixtures/accounts";
import { fitsThePhone, PHONE } from "./fixtures/phone";

test("a customer's jobs and one job's page fit a phone", async ({ page }) => {
  await signIn(page.request, "dana@clientele.test", DEMO_PASSWORD);
  await page.setViewportSize(PHONE);

  await page.goto("/me/jobs");
  const jobs = page.getByRole("list", { name: "Your jobs" });
  await expect(jobs.getByRole("listitem")).toHaveCount(1);
  await expect(jobs).toContainText("1 application waiting");
  await fitsThePhone(page, "customer-jobs");

  await jobs.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: /Book this provider/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Conversation with / })).toBeVisible();
  await fitsThePhone(page, "job");
});

test("a provider's job board fits a phone", async ({ page }) => {
  await signIn(page.request, "owner@sparkle.test", DEMO_PASSWORD);
  await page.setViewportSize(PHONE);

  await page.goto("/provider/jobs");
  const board = page.getByRole("list", { name: "Open jobs" });
  await expect(board.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByLabel("Category")).toBeVisible();
  await fitsThePhone(page, "provider-jobs");
});
