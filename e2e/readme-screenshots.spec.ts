/**
 * The README's first-row screenshots, taken from the running app: the customer's own profile, the
 * provider dashboard, and the CRM's directory and one of its records, each as the first screen of a
 * desktop browser. Runs only with
 * SCREENSHOTS set (`SCREENSHOTS=1 npx playwright test e2e/readme-screenshots.spec.ts
 * e2e/marketplace-phone.spec.ts` refreshes every screenshot but the provider profile's, which
 * PROFILE_SCREENSHOTS does in e2e/provider-profile.spec.ts).
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./fixtures/accounts";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS to refresh docs/screenshots");

const DESKTOP = { width: 1280, height: 860 };

for (const { file, email, path, heading } of [
  { file: "customer", email: "alice@clientele.test", path: "/me", heading: "Your profile" },
  { file: "provider", email: "owner@sparkle.test", path: "/provider", heading: "Provider dashboard" },
] as const) {
  test(`docs/screenshots/${file}.png: ${path} as ${email}`, async ({ page }) => {
    await signIn(page.request, email, DEMO_PASSWORD);
    await page.setViewportSize(DESKTOP);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `docs/screenshots/${file}.png` });
  });
}

test("docs/screenshots/crm.png and crm-record.png: Bloom & Brew's directory and its best customer", async ({
  page,
}) => {
  await signIn(page.request, "owner@bloom.test", DEMO_PASSWORD);
  await page.setViewportSize(DESKTOP);
  await page.goto("/crm");
  await page.getByRole("link", { name: "Find a customer" }).click();
  await page.getByLabel("Sort").selectOption("total_spent");
  await expect(page).toHaveURL(/sort=total_spent/);
  const list = page.getByRole("list", { name: "Customers" });
  await expect(list.getByRole("listitem").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/screenshots/crm.png" });
  await list.getByRole("listitem").first().getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Purchase metrics" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/screenshots/crm-record.png" });
});
