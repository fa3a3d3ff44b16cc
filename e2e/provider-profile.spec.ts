/**
 * The provider's view of a customer (/provider/customers/[customerId]): a public profile with its
 * figures, sorted and paged reviews; a restricted one refused until the provider applies to the
 * customer's job; and the page on a phone. Each test registers its own provider, so the per-user
 * and per-business profile-view limits of one test never touch another's.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { registerAccount, signedInProvider, signIn, DEMO_PASSWORD } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";
import { fitsThePhone, PHONE } from "./fixtures/phone";

/** A customer's id, read the way an API client would: sign in as them in a separate context and ask /api/me. */
async function customerIdOf(baseURL: string | undefined, email: string, password: string): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    await signIn(context, email, password);
    const me = await context.get("/api/me");
    expect(me.status(), await me.text()).toBe(200);
    const { customer_id } = await me.json();
    expect(customer_id).toEqual(expect.any(String));
    return customer_id as string;
  } finally {
    await context.dispose();
  }
}

const reviewsList = (page: Page) => page.getByRole("list", { name: "Reviews", exact: true });

/** What the page must show, read from the profile API first, so the test follows the seed instead of copying it. */
async function ratingsOf(request: APIRequestContext, customerId: string) {
  const response = await request.get(`/api/provider/customers/${customerId}/profile`);
  expect(response.status(), await response.text()).toBe(200);
  const { stats, rating_histogram, badges } = (await response.json()) as {
    stats: { review_count: number };
    rating_histogram: { rating: number; count: number }[];
    badges: Record<string, unknown>[];
  };
  const count = (rating: number) => rating_histogram.find((bar) => bar.rating === rating)?.count ?? 0;
  const lowest = Math.min(...rating_histogram.filter((bar) => bar.count > 0).map((bar) => bar.rating));
  return { total: stats.review_count, fiveStar: count(5), lowest, badges };
}

test("a provider views a public profile, switches the sort and loads more reviews", async ({ page, baseURL }) => {
  const aliceId = await customerIdOf(baseURL, "alice@clientele.test", DEMO_PASSWORD);
  await signedInProvider(page.request, "Profile Viewers Ltd");
  const { total, fiveStar, lowest, badges } = await ratingsOf(page.request, aliceId);
  // Badges in the seed document's shape: type and label, then what more they say.
  for (const badge of badges) expect(Object.keys(badge)).toEqual(["type", "label", "description"]);
  expect(badges).toEqual(
    expect.arrayContaining([
      { type: "reliable", label: "Reliable", description: expect.stringMatching(/^Completed at least 90%/) },
      { type: "highly_rated", label: "Highly rated", description: expect.stringMatching(/^Averages 4.5 stars/) },
    ]),
  );
  // The walk below needs three pages, and a first "highest" page of five-star reviews only.
  expect(total, "the demo seed gives Alice more than 20 visible reviews").toBeGreaterThan(20);
  expect(fiveStar, "and at least 10 of them five-star").toBeGreaterThanOrEqual(10);

  await page.goto(`/provider/customers/${aliceId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Alice J." })).toBeVisible();
  await expect(page.getByText(/Member since \w+ \d{4}/)).toBeVisible();
  const badgeItems = page.getByRole("list", { name: "Badges" }).getByRole("listitem");
  await expect(badgeItems).toHaveCount(badges.length);
  await expect(badgeItems.filter({ hasText: /^Reliable: Completed at least 90%/ })).toHaveCount(1);
  await expect(badgeItems.filter({ hasText: /^Highly rated: Averages 4.5 stars/ })).toHaveCount(1);

  const stats = page.getByLabel("Customer statistics");
  await expect(stats).toContainText("Average rating");
  await expect(stats).toContainText(`${total} reviews`);
  await expect(stats).toContainText("Completion rate");
  await expect(stats).toContainText(/\d+(\.\d)?%/);
  await expect(page.getByRole("list", { name: "Ratings breakdown" }).getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("list", { name: "Jobs by category" }).getByRole("listitem").first()).toBeVisible();

  // The first page (most recent first), rendered by the server: each review with its stars,
  // category, provider and date.
  const reviews = reviewsList(page);
  await expect(reviews.getByRole("listitem")).toHaveCount(10);
  const first = reviews.getByRole("listitem").first();
  await expect(first.getByRole("img", { name: /^[1-5] out of 5 stars$/ })).toBeVisible();
  await expect(first).toContainText(/by \S/);
  await expect(first.locator("time")).toHaveText(/\w+ \d{1,2}, \d{4}/);
  await expect(page.getByRole("button", { name: "Most recent" })).toHaveAttribute("aria-pressed", "true");

  // Highest first: the whole first page is five stars.
  await page.getByRole("button", { name: "Highest" }).click();
  await expect(page.getByRole("button", { name: "Highest" })).toHaveAttribute("aria-pressed", "true");
  await expect(reviews.getByRole("listitem").first().getByRole("img", { name: "5 out of 5 stars" })).toBeVisible();
  await expect(reviews.getByRole("img", { name: "5 out of 5 stars" })).toHaveCount(10);
  await expect(reviews.getByRole("img", { name: /^[1-4] out of 5 stars$/ })).toHaveCount(0);

  // Load more until the end: the list grows, five-star reviews first, then the rest.
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(reviews.getByRole("listitem")).toHaveCount(20);
  await expect(reviews.getByRole("img", { name: "5 out of 5 stars" })).toHaveCount(Math.min(fiveStar, 20));
  await expect(page.getByText(`Showing 20 of ${total} reviews.`)).toBeVisible();
  while (await page.getByRole("button", { name: "Load more" }).isVisible()) {
    const shown = await reviews.getByRole("listitem").count();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(reviews.getByRole("listitem")).toHaveCount(Math.min(shown + 10, total));
  }
  await expect(reviews.getByRole("listitem")).toHaveCount(total);
  await expect(reviews.getByRole("img", { name: "5 out of 5 stars" })).toHaveCount(fiveStar);
  await expect(page.getByText(`All ${total} reviews shown.`)).toBeVisible();
  // The seed's one three-star review of Alice is hidden by an administrator: no page ever shows it.
  await expect(reviews.getByRole("img", { name: "3 out of 5 stars" })).toHaveCount(0);

  // The seed's one disputed review of Alice (a two-star one, her lowest) awaits a moderator: it is
  // marked, and it is the only one that is.
  await expect(reviews.getByText("Under dispute")).toHaveCount(1);

  // Lowest first starts with her lowest visible rating: the disputed review, marked.
  await page.getByRole("button", { name: "Lowest" }).click();
  const lowestFirst = reviews.getByRole("listitem").first();
  await expect(lowestFirst.getByRole("img", { name: `${lowest} out of 5 stars` })).toBeVisible();
  await expect(lowestFirst.getByText("Under dispute")).toBeVisible();
  await expect(lowestFirst).toContainText("the customer contests this review");
  // The API says the same: only the disputed review carries the mark.
  const lowestPage = await page.request.get(`/api/provider/customers/${aliceId}/reviews?sort=lowest&limit=2`);
  expect(lowestPage.status(), await lowestPage.text()).toBe(200);
  const { reviews: lowestTwo } = (await lowestPage.json()) as {
    reviews: { rating: number; under_dispute: boolean }[];
  };
  expect(lowestTwo.map((r) => [r.rating, r.under_dispute])).toEqual([
    [lowest, true],
    [expect.any(Number), false],
  ]);
});

// Uses the marketplace write routes: POST /api/jobs, POST /api/jobs/{jobId}/applications and
// PATCH /api/customer/profile/provider-visibility.
test("a restricted profile is refused until the provider applies to the customer's job, then shown", async ({
  page,
  playwright,
  baseURL,
}) => {
  const customerContext = await playwright.request.newContext({ baseURL });
  try {
    const customer = await registerAccount(customerContext, "customer", { name: "Rita Reserved" });
    await signIn(customerContext, customer.email);
    const visibility = await customerContext.patch("/api/customer/profile/provider-visibility", {
      data: { visibility: "restricted" },
    });
    expect(visibility.status(), await visibility.text()).toBe(200);
    const jobId = await postJob(customerContext, { category: "Plumbing" });

    await signedInProvider(page.request, "Careful Plumbing");
    await page.goto(`/provider/customers/${customer.customer_id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Shared with providers they know" })).toBeVisible();
    await expect(
      page.getByRole("alert").filter({ hasText: "shares their profile only with providers they have dealt with" }),
    ).toBeVisible();
    await expect(page.getByText("Rita R.")).toHaveCount(0);

    const applied = await page.request.post(`/api/jobs/${jobId}/applications`, {
      data: { message: "I can come tomorrow morning with the right washers." },
    });
    expect(applied.status(), await applied.text()).toBe(201);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Rita R." })).toBeVisible();
    await expect(page.getByText("Shared with providers they know")).toHaveCount(0);
    // A new customer: no reviews or finished jobs yet, and the page says so instead of showing zeros.
    await expect(page.getByText("New customer").first()).toBeVisible();
    await expect(page.getByText("Not enough finished jobs yet (needs 3)").first()).toBeVisible();
    await expect(page.getByText("No reviews yet")).toBeVisible();
    await expect(page.getByRole("list", { name: "Jobs by category" })).toContainText("Plumbing");
  } finally {
    await customerContext.dispose();
  }
});

test("a private profile and an unknown customer are explained, not shown", async ({ page, baseURL }) => {
  const carolId = await customerIdOf(baseURL, "carol@clientele.test", DEMO_PASSWORD);
  await signedInProvider(page.request, "Curious Gardens");

  await page.goto(`/provider/customers/${carolId}`);
  await expect(page.getByRole("heading", { level: 1, name: "This profile is private" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "This customer keeps their profile private" })).toBeVisible();

  await page.goto("/provider/customers/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find this customer" })).toBeVisible();
  await page.goto("/provider/customers/not-a-customer");
  await expect(page.getByRole("heading", { level: 1, name: "We couldn't find this customer" })).toBeVisible();
});

test("the profile fits a phone screen without sideways scrolling", async ({ page, baseURL }) => {
  const aliceId = await customerIdOf(baseURL, "alice@clientele.test", DEMO_PASSWORD);
  await signedInProvider(page.request, "Pocket Cleaners");
  await page.setViewportSize(PHONE);

  await page.goto(`/provider/customers/${aliceId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Alice J." })).toBeVisible();
  await expect(reviewsList(page).getByRole("listitem")).toHaveCount(10);
  await fitsThePhone(page);

  // The sort switch stays usable on a phone, from the keyboard too.
  await page.getByRole("button", { name: "Most recent" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Highest" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Highest" })).toHaveAttribute("aria-pressed", "true");
  await expect(reviewsList(page).getByRole("img", { name: /^[1-4] out of 5 stars$/ })).toHaveCount(0);
  await fitsThePhone(page);

  if (process.env.PROFILE_SCREENSHOTS) {
    await page.getByRole("button", { name: "Most recent" }).click();
    await expect(
      reviewsList(page)
        .getByRole("img", { name: /^[1-4] out of 5 stars$/ })
        .first(),
    ).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "docs/screenshots/provider-profile-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "docs/screenshots/provider-profile.png", fullPage: true });
  }
});
