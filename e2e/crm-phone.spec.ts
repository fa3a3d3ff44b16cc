/**
 * The CRM journey on a phone (390 × 844): search by part of a number, open the customer, tag them,
 * note something and record a purchase, with nothing scrolling sideways on the way.
 */
import { expect, test, type Page } from "@playwright/test";
import { signedInProvider } from "./fixtures/accounts";
import { createRecord } from "./fixtures/crm";

const PHONE = { width: 390, height: 844 };

async function fits(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test("the CRM journey fits a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const owner = await signedInProvider(page.request, "Pocket Coffee Cart");
  const businessId = owner.business_id!;
  const id = await createRecord(page.request, businessId, {
    full_name: "Maximiliana Featherstonehaugh-Worthington",
    phone: "415 867 5309",
    email: "maximiliana.featherstonehaugh@a-rather-long-domain.e2e.test",
  });

  await page.goto(`/crm/${businessId}/customers`);
  await expect(page.getByRole("list", { name: "Customers" }).getByRole("listitem")).toHaveCount(1);
  await fits(page);
  await page.getByLabel("Search customers").fill("5309");
  await expect(page.getByRole("list", { name: "Search results" }).locator("mark")).toHaveText("5309");
  await fits(page);

  await page.getByRole("link", { name: /Maximiliana/ }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await fits(page);

  await page.getByLabel("Add a tag").fill("Cart regular");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("list", { name: "Tags", exact: true }).getByText("Cart regular")).toBeVisible();
  await page.getByLabel("New note").fill("Takes a double shot.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Notes" })).toContainText("Takes a double shot.");
  await page.getByLabel("Amount (USD)").fill("4.20");
  await page.getByRole("button", { name: "Record purchase" }).click();
  await expect(page.getByRole("region", { name: "Purchase metrics" })).toContainText("$4.20");
  await fits(page);
});
