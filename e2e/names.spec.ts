/**
 * Names as people write them, emoji included. A customer registers through the form as "Zoë 😀
 * Quinn": a name that is too long is refused in words, the header shows "ZQ" (by grapheme: the
 * first code unit of "😀" was half a character, "Z\uFFFD", and broke hydration on every page), no
 * page they visit logs an error, and providers see them as "Zoë Q." (the first name and the initial
 * of the last word).
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { madeUpClientIp, PASSWORD, signedInProvider } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

const NAME = "Zoë 😀 Quinn";

/** Every console error and uncaught exception of the page (React reports hydration errors, #418, as both). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

const initials = (page: Page) =>
  page.getByRole("banner").locator("summary", { hasText: "Account menu" }).locator("span").first();

test("a customer named with an emoji registers, browses without errors, and providers see them as Zoë Q.", async ({
  page,
  browser,
  baseURL,
}) => {
  const errors = collectErrors(page);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": madeUpClientIp() });

  await page.goto("/register");
  const name = page.getByLabel("Your name");
  await name.fill(`${NAME} ${"n".repeat(120)}`);
  await page.getByLabel("Email").fill(`emoji-${randomUUID()}@e2e.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // The field says what to do, not the validator's "Too big: expected string to have <=120 characters".
  await expect(name).toHaveAccessibleDescription("Use at most 120 characters.");
  await expect(page.getByText(/too big|expected string/i)).toHaveCount(0);

  await name.fill(NAME);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(initials(page)).toHaveText("ZQ");
  await expect(page.getByText("Zoë Q.", { exact: true })).toBeVisible();

  const jobId = await postJob(page.request, { title: "Hang three picture frames" });
  for (const path of ["/home", "/me/jobs", "/me/jobs/new", `/jobs/${jobId}`, "/me"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(initials(page)).toHaveText("ZQ");
  }
  expect(errors).toEqual([]);

  // A provider opens the customer's public profile: the first name and the last word's initial.
  const me = await page.request.get("/api/me");
  const { customer_id: customerId } = (await me.json()) as { customer_id: string };
  const providerContext = await browser.newContext({ baseURL });
  try {
    const providerPage = await providerContext.newPage();
    await signedInProvider(providerPage.request, "Grapheme Framing Co");
    await providerPage.goto(`/provider/customers/${customerId}`);
    await expect(providerPage.getByRole("heading", { level: 1 })).toHaveText("Zoë Q.");
    await expect(providerPage.locator("main")).not.toContainText("Quinn");
    await expect(providerPage.locator("main")).not.toContainText("😀");
  } finally {
    await providerContext.close();
  }
});
