/** The first minute of every user: register, land on the right home, sign out, sign back in. */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, DEMO_PASSWORD } from "./fixtures/accounts";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.locator("summary", { hasText: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
}

for (const { role, home, heading } of [
  { role: "Customer", home: "/me", heading: "Your profile" },
  { role: "Provider", home: "/provider", heading: "Provider dashboard" },
] as const) {
  test(`a new ${role.toLowerCase()} registers, lands on ${home}, signs out and back in`, async ({ page }) => {
    const email = `${role.toLowerCase()}-${randomUUID()}@e2e.test`;
    await page.goto("/register");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await page.getByLabel("Your name").fill("Jordan Rivers");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("radio", { name: new RegExp(`I.m a ${role.toLowerCase()}`) }).check();
    if (role === "Provider") await page.getByLabel("Business name").fill("Rivers Plumbing");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

    await signOut(page);
    await page.goto(home);
    await expect(page).toHaveURL(/\/signin/);

    await signInThroughForm(page, email, PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}

for (const { who, email, home, heading } of [
  { who: "CRM staff", email: "staff@bloom.test", home: "/crm", heading: "Customers" },
  { who: "a platform admin", email: "admin@clientele.test", home: "/admin", heading: "Platform admin" },
] as const) {
  test(`${who} signs in and lands on ${home}`, async ({ page }) => {
    await signInThroughForm(page, email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signInThroughForm(page, "alice@clientele.test", "not-the-password");
  await expect(page.locator("main [role=alert]")).toContainText("Wrong email or password");
  await expect(page).toHaveURL(/\/signin/);
});

test("a signed-out visitor is sent to sign in, and back after signing in", async ({ page }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fme/);
  await page.getByLabel("Email").fill("alice@clientele.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/me$/);
});
