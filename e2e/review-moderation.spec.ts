/**
 * Review moderation at /admin: a customer disputes two of a provider's reviews of them; the platform
 * admin finds both in the Disputed tab, hides one (it leaves the queue, appears under Hidden, and
 * providers no longer see it on the customer's profile) and keeps the other from the keyboard (it
 * leaves the queue, focus stays in the list, and providers still see it). The jobs, the reviews and
 * the disputes are made through the JSON API by each person in their own signed-in context; the
 * admin's part is clicked through.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, registerAccount, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

async function ok(response: Promise<APIResponse>, status = 200) {
  const answered = await response;
  expect(answered.status(), await answered.text()).toBe(status);
  return answered.json();
}

async function reviewCommentsSeenBy(provider: APIRequestContext, customerId: string): Promise<string[]> {
  const page = await ok(provider.get(`/api/provider/customers/${customerId}/reviews?limit=50`));
  return page.reviews.map((review: { comment: string }) => review.comment);
}

/**
 * The customer posts a job, the provider applies and is booked, the job is completed, the provider
 * reviews the customer and the customer disputes the review.
 */
async function disputedReview(
  customer: APIRequestContext,
  provider: APIRequestContext,
  job: { title: string; category: string },
  comment: string,
  reason: string,
) {
  const jobId = await postJob(customer, { ...job, description: "Details agreed on the phone." });
  const { application_id: applicationId } = await ok(
    provider.post(`/api/jobs/${jobId}/applications`, { data: { message: "Qualified and free on Thursday." } }),
    201,
  );
  await ok(customer.post(`/api/jobs/${jobId}/applications/${applicationId}/accept`));
  await ok(customer.post(`/api/jobs/${jobId}/complete`));
  const { review_id: reviewId } = await ok(
    provider.post(`/api/jobs/${jobId}/review`, { data: { rating: 1, comment } }),
    201,
  );
  await ok(customer.post(`/api/jobs/${jobId}/reviews/${reviewId}/dispute`, { data: { reason } }));
}

test("the admin hides one disputed review and keeps another: both leave the queue, the hidden one moves to Hidden", async ({
  page,
  playwright,
  baseURL,
}) => {
  // Unique words, so this run's reviews are found among every other dispute on the platform.
  const run = randomUUID().slice(0, 8);
  const toHide = `Argued about the bill for an hour (${run}).`;
  const toKeep = `Cancelled twice on the morning itself (${run}).`;
  const reason = "We agreed the price in writing beforehand; I paid it in full.";
  const customer = await playwright.request.newContext({ baseURL });
  const provider = await playwright.request.newContext({ baseURL });
  try {
    const dana = await registerAccount(customer, "customer", { name: "Dana Disputer" });
    await signIn(customer, dana.email);
    const fixers = await registerAccount(provider, "provider", { businessName: "Fair Price Fixers" });
    await signIn(provider, fixers.email);
    await disputedReview(
      customer,
      provider,
      { title: "Replace a light fitting", category: "Electrical" },
      toHide,
      reason,
    );
    await disputedReview(
      customer,
      provider,
      { title: "Fix a dripping tap", category: "Plumbing" },
      toKeep,
      "I only moved it once.",
    );
    expect(await reviewCommentsSeenBy(provider, dana.customer_id!)).toEqual(expect.arrayContaining([toHide, toKeep]));

    // The admin finds both in the disputed queue, with the dispute and the customer's public name.
    await signIn(page.request, "admin@clientele.test", DEMO_PASSWORD);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "Review moderation" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Disputed" })).toHaveAttribute("aria-selected", "true");
    const queue = page.getByRole("list", { name: "Disputed reviews" });
    const hideRow = queue.getByRole("listitem").filter({ hasText: toHide });
    const keepRow = queue.getByRole("listitem").filter({ hasText: toKeep });
    await expect(hideRow).toBeVisible();
    await expect(hideRow).toContainText(reason);
    await expect(hideRow).toContainText("Replace a light fitting");
    await expect(hideRow).toContainText("Fair Price Fixers");
    await expect(hideRow).toContainText("Dana D.");
    await expect(hideRow.getByRole("img", { name: "1 out of 5 stars" })).toBeVisible();
    await expect(hideRow.getByRole("link")).toHaveCount(0);
    await expect(keepRow).toBeVisible();

    // Hidden: it leaves the queue, and the message says what happened.
    await hideRow.getByRole("button", { name: "Hide review" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Review hidden" })).toContainText("Dana D.");
    await expect(hideRow).toHaveCount(0);
    await expect(keepRow).toBeVisible();

    // Kept, from the keyboard: it leaves the queue too, and focus stays in the list rather than
    // falling back to the top of the page.
    await keepRow.getByRole("button", { name: "Keep review" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Review kept" })).toContainText(
      "still counts towards Dana D.",
    );
    await expect(keepRow).toHaveCount(0);
    await expect(page.locator("#review-moderation-panel-disputed :focus")).toHaveCount(1);

    // Under Hidden: the hidden one, with the button to show it again; not the kept one.
    await page.getByRole("tab", { name: "Hidden" }).click();
    await expect(page.getByRole("tab", { name: "Hidden" })).toHaveAttribute("aria-selected", "true");
    const hiddenList = page.getByRole("list", { name: "Hidden reviews" });
    const hidden = hiddenList.getByRole("listitem").filter({ hasText: toHide });
    await expect(hidden).toBeVisible();
    await expect(hidden.getByText("Hidden", { exact: true })).toBeVisible();
    await expect(hidden.getByRole("button", { name: "Show review" })).toBeVisible();
    await expect(hiddenList.getByRole("listitem").filter({ hasText: toKeep })).toHaveCount(0);

    // Providers no longer see the hidden one on the customer's profile; the kept one stays.
    const seen = await reviewCommentsSeenBy(provider, dana.customer_id!);
    expect(seen).not.toContain(toHide);
    expect(seen).toContain(toKeep);
  } finally {
    await customer.dispose();
    await provider.dispose();
  }
});
