/**
 * The marketplace pages on a phone (375 px): each fits without sideways scrolling, with its main
 * controls reachable and the business switcher readable. Reads the demo world (Dana's open job,
 * which Sparkle applied to) without changing it, or makes its own accounts. With SCREENSHOTS set it
 * also refreshes docs/screenshots.
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, inviteAndAccept, registerAccount, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";
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
  const conversation = page.getByRole("region", { name: /^Conversation with / });
  await expect(conversation.getByRole("list", { name: "Messages" }).getByRole("listitem").first()).toBeVisible();
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

test("a customer's home on a phone: the figures two a row, and the recent jobs in the first screen", async ({
  page,
}) => {
  await signIn(page.request, "dana@clientele.test", DEMO_PASSWORD);
  await page.setViewportSize(PHONE);
  await page.goto("/me");

  const tile = async (label: string) => (await page.getByText(label, { exact: true }).boundingBox())!;
  const jobs = await tile("Jobs posted");
  const orders = await tile("Orders");
  const reviews = await tile("Reviews received");
  const views = await tile("Profile views");
  expect(Math.abs(jobs.y - orders.y), "Jobs posted and Orders share a row").toBeLessThan(2);
  expect(Math.abs(reviews.y - views.y), "Reviews received and Profile views share a row").toBeLessThan(2);
  expect(reviews.y).toBeGreaterThan(jobs.y);

  // The next step (open a job, see them all) is on the first screen, not below the profile's settings.
  await expect(page.getByRole("link", { name: "All jobs" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("list", { name: "Recent jobs" }).getByRole("link").first()).toBeInViewport({ ratio: 1 });
  await fitsThePhone(page);
});

test("on a phone, someone at two businesses sees which one they act for, on a job page too", async ({
  page,
  browser,
  baseURL,
}) => {
  // A provider's owner who is also staff at a second provider: two memberships, so the switcher shows.
  const other = await browser.newContext({ baseURL });
  let jobId = "";
  try {
    const host = await registerAccount(other.request, "provider", { businessName: "Fern & Quill Gardens" });
    const member = await registerAccount(page.request, "provider", { businessName: "Brook Side Repairs" });
    await signIn(other.request, host.email);
    await inviteAndAccept(other.request, host.business_id!, host.email, member, "staff");
    const customer = await registerAccount(other.request, "customer");
    await signIn(other.request, customer.email);
    jobId = await postJob(other.request);
    await signIn(page.request, member.email);
  } finally {
    await other.close();
  }
  await page.setViewportSize(PHONE);

  for (const path of ["/provider", `/jobs/${jobId}`]) {
    await page.goto(path);
    const switcher = page.getByLabel("Acting for business");
    await expect(switcher).toBeVisible();
    // The select is wide enough for the chosen business's name, not an empty box.
    const fit = await switcher.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]!.text;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, needed: context.measureText(text).width, room };
    });
    expect(fit.text).toMatch(/^(Fern & Quill Gardens|Brook Side Repairs) \(\w+\)$/);
    expect(fit.needed, `"${fit.text}" fits its select on ${path}`).toBeLessThanOrEqual(fit.room);
    await expect(page.getByRole("button", { name: "Switch" })).toBeInViewport();
    await fitsThePhone(page);
  }
});
