/**
 * What every visitor meets around the pages: an address that matches nothing gets the site's own
 * 404 page (header, footer, a way back) with a 404 status, and the browser finds the site's icon.
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./fixtures/accounts";

test("an unknown address shows the site's 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found · Clientele");
  await expect(page.getByRole("banner").getByRole("link", { name: "Clientele" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  // Styled like the rest of the site (the stylesheet applies), not the browser's bare defaults.
  const heading = page.getByRole("heading", { level: 1 });
  expect(await heading.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("600");

  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a signed-in visitor's way back from a 404 is their own home", async ({ page }) => {
  await signIn(page.request, "alice@clientele.test", DEMO_PASSWORD);
  const response = await page.goto("/jobs-that-do-not-exist");
  expect(response?.status()).toBe(404);
  await page.getByRole("link", { name: "Go to your home" }).click();
  await expect(page).toHaveURL(/\/me$/);
});

test("the site has an icon, at /favicon.ico and in every page's head", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/x-icon");
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file's signature

  await page.goto("/");
  const icons = await page
    .locator('head link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
});

test("crawlers are asked to keep to the front page: every other page is for signed-in people", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  const rules = (await robots.text()).split("\n").filter((line) => line && !line.startsWith("#"));
  expect(rules).toEqual(["User-agent: *", "Allow: /$", "Disallow: /"]);
});
