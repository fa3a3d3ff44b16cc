/**
 * Sessions end everywhere at once: one person signed in on two browsers signs out everywhere on
 * one, and the other, with its cookie untouched, is signed out on its next page and API call.
 * Then the account page's password form, by keyboard, with its field errors.
 */
import { expect, test } from "@playwright/test";
import { registerAccount, signIn, PASSWORD } from "./fixtures/accounts";

test("signing out everywhere in one browser signs the other out", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const account = await registerAccount(laptop.request, "customer", { name: "Two Browsers" });
  await signIn(laptop.request, account.email);
  await signIn(phone.request, account.email);

  const laptopPage = await laptop.newPage();
  const phonePage = await phone.newPage();
  await phonePage.goto("/account");
  await expect(phonePage.getByRole("heading", { name: "Account" })).toBeVisible();
  await laptopPage.goto("/account");
  const sessions = laptopPage.getByRole("list", { name: "Sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toHaveCount(1);

  await laptopPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptopPage).toHaveURL(/\/signin/);

  // The phone still holds its cookie, but its session has ended.
  expect((await phone.request.get("/api/me")).status()).toBe(401);
  await phonePage.goto("/account");
  await expect(phonePage).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await laptop.close();
  await phone.close();
});

test("the password form works by keyboard, shows field errors, and signs the other browser out", async ({
  browser,
}) => {
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  const account = await registerAccount(here.request, "customer", { name: "New Password" });
  await signIn(here.request, account.email);
  await signIn(elsewhere.request, account.email);
  const page = await here.newPage();
  await page.goto("/account");

  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").focus();
  await page.keyboard.type("not my password");
  await page.keyboard.press("Tab");
  await page.keyboard.type("a new password 123");
  await page.keyboard.press("Enter");
  const current = form.getByLabel("Current password");
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  expect((await elsewhere.request.get("/api/me")).status()).toBe(200);

  await current.fill(PASSWORD);
  await form.getByLabel("New password").fill("a new password 123");
  await form.getByLabel("New password").press("Enter");
  await expect(form.getByRole("status")).toContainText("1 other session signed out");
  expect((await elsewhere.request.get("/api/me")).status()).toBe(401);
  expect((await page.request.get("/api/me")).status()).toBe(200);
  await here.close();
  await elsewhere.close();
});
