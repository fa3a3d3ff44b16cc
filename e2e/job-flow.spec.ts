/**
 * A job from both sides of /jobs/[jobId], each person in a browser context of their own: the
 * customer posts through the API, the provider applies through the form, the customer books
 * them, the provider completes the job and reviews the customer with the keyboard, and the
 * customer disputes the review. And a provider withdrawing, after which the customer can no
 * longer book it and the business cannot apply again. And a booked job cancelled by the customer.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { registerAccount, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

/** A signed-in person with a browser context (and page) of their own. */
async function personIn(
  browser: Browser,
  baseURL: string | undefined,
  role: "customer" | "provider",
  names: { name: string; businessName?: string },
) {
  const context = await browser.newContext({ baseURL });
  const account = await registerAccount(context.request, role, names);
  await signIn(context.request, account.email);
  return { context, page: await context.newPage(), account };
}

/** The job each test posts as its customer, a week ahead, with the budget the provider reads. */
const assemblyJob = (title: string) => ({
  title,
  category: "Furniture assembly",
  description: "A flat-pack wardrobe with two sliding doors.\nAll the parts are here.",
  budget_minor: 12_500,
  currency: "USD",
  scheduled_for: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});

/** Presses a step's button, then confirms it in the question that appears in its place. */
async function confirmStep(page: Page, label: string, confirm: string) {
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.getByRole("button", { name: confirm, exact: true }).click();
}

test("a job from application to a disputed review, as the customer and the provider see it", async ({
  browser,
  baseURL,
}) => {
  const business = `Wardrobe Wizards ${randomUUID().slice(0, 6)}`;
  const customer = await personIn(browser, baseURL, "customer", { name: "Connie Customer" });
  const provider = await personIn(browser, baseURL, "provider", { name: "Pete Provider", businessName: business });
  try {
    const title = "Assemble a wardrobe";
    const jobId = await postJob(customer.page.request, assemblyJob(title));

    // The provider finds the job open, with its budget, and applies through the form.
    const p = provider.page;
    await p.goto(`/jobs/${jobId}`);
    await expect(p.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(p.getByText("$125.00")).toBeVisible();
    await expect(p.getByRole("link", { name: "About the customer" })).toHaveAttribute(
      "href",
      /^\/provider\/customers\/[0-9a-f-]{36}$/,
    );
    await p.getByLabel("Message to the customer").fill("We assemble wardrobes every week and can come on Saturday.");
    await p.getByRole("button", { name: "Send application" }).click();
    await expect(p.getByText("Waiting for a decision")).toBeVisible();
    await expect(p.getByText("We assemble wardrobes every week")).toBeVisible();
    await expect(p.getByRole("button", { name: "Send application" })).toHaveCount(0);

    // The customer sees the application and books the provider, confirming first.
    const c = customer.page;
    await c.goto(`/jobs/${jobId}`);
    const item = c.getByRole("list", { name: "Applications" }).getByRole("listitem", { name: business });
    await expect(item).toContainText("We assemble wardrobes every week");
    await item.getByRole("button", { name: "Book this provider" }).click();
    await item.getByRole("button", { name: `Yes, book ${business}` }).click();
    await expect(item.getByText("Booked", { exact: true })).toBeVisible();
    await expect(item.getByRole("button", { name: "Book this provider" })).toHaveCount(0);
    await expect(c.getByRole("list", { name: "Job progress" })).toContainText(`With ${business}`);

    // The provider holds the booking and marks the job completed.
    await p.reload();
    await expect(p.getByText("The customer booked your business for this job.")).toBeVisible();
    await confirmStep(p, "Mark as completed", "Yes, it's completed");
    await expect(p.getByRole("heading", { name: "Review this customer" })).toBeVisible();
    await expect(p.getByRole("button", { name: "Mark as completed" })).toHaveCount(0);

    // Four stars from the keyboard: into the group, then arrow along it.
    await p.getByRole("radio", { name: "1 star", exact: true }).focus();
    await p.keyboard.press("Space");
    for (let i = 0; i < 3; i++) await p.keyboard.press("ArrowRight");
    await expect(p.getByRole("radio", { name: "4 stars" })).toBeChecked();
    await p.getByLabel("Comment (optional)").fill("Clear instructions and the parts were all there.");
    await p.getByRole("button", { name: "Send review" }).click();
    await expect(p.getByRole("heading", { name: "Your review" })).toBeVisible();
    await expect(p.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();
    await expect(p.getByRole("heading", { name: "Review this customer" })).toHaveCount(0);

    // The customer sees the job completed and the review, and disputes it with a reason.
    await c.reload();
    await expect(c.getByRole("list", { name: "Job progress" })).toContainText("Completed");
    const reviews = c.getByRole("list", { name: "Reviews of you" });
    await expect(reviews.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();
    await expect(reviews).toContainText("Clear instructions and the parts were all there.");
    await reviews.getByRole("button", { name: "Dispute" }).click();
    await c.getByLabel("What is wrong with this review?").fill("The instructions were theirs, not mine.");
    await c.getByRole("button", { name: "Send dispute" }).click();
    await expect(reviews.getByText(/Disputed on \d{1,2} \w{3} \d{4}/)).toBeVisible();
    await expect(reviews.getByRole("button", { name: "Dispute" })).toHaveCount(0);
  } finally {
    await customer.context.close();
    await provider.context.close();
  }
});

test("a provider withdraws its application, and the customer can no longer book it", async ({ browser, baseURL }) => {
  const business = `Second Thoughts ${randomUUID().slice(0, 6)}`;
  const customer = await personIn(browser, baseURL, "customer", { name: "Wendy Waiting" });
  const provider = await personIn(browser, baseURL, "provider", { name: "Will Withdraw", businessName: business });
  try {
    const jobId = await postJob(customer.page.request, assemblyJob("Build a bookcase"));
    const applied = await provider.page.request.post(`/api/jobs/${jobId}/applications`, {
      data: { message: "Happy to help." },
    });
    expect(applied.status(), await applied.text()).toBe(201);

    const c = customer.page;
    await c.goto(`/jobs/${jobId}`);
    const item = c.getByRole("list", { name: "Applications" }).getByRole("listitem", { name: business });
    await expect(item.getByRole("button", { name: "Book this provider" })).toBeVisible();

    // The provider withdraws, after confirming, and is told it cannot apply again.
    const p = provider.page;
    await p.goto(`/jobs/${jobId}`);
    await p.getByRole("button", { name: "Withdraw application" }).click();
    await p.getByRole("button", { name: "Keep my application" }).click();
    await expect(p.getByRole("button", { name: "Withdraw application" })).toBeFocused();
    await confirmStep(p, "Withdraw application", "Yes, withdraw");
    await expect(p.getByText("You withdrew this application.")).toBeVisible();
    await expect(p.getByText("you cannot apply to this job again")).toBeVisible();
    await expect(p.getByRole("button", { name: "Withdraw application" })).toHaveCount(0);
    await expect(p.getByRole("button", { name: "Send application" })).toHaveCount(0);
    const again = await p.request.post(`/api/jobs/${jobId}/applications`, { data: { message: "Actually, yes." } });
    expect(again.status()).toBe(409);
    expect((await again.json()).error.reason).toBe("already_applied");

    // The customer's page shows it withdrawn, with nothing to book.
    await c.reload();
    await expect(item.getByText("Withdrawn", { exact: true })).toBeVisible();
    await expect(item.getByRole("button", { name: "Book this provider" })).toHaveCount(0);
    await expect(c.getByRole("button", { name: "Cancel job" })).toBeVisible();
  } finally {
    await customer.context.close();
    await provider.context.close();
  }
});

test("the customer cancels a booked job, and neither side is told it is still booked", async ({ browser, baseURL }) => {
  const business = `Late Changes ${randomUUID().slice(0, 6)}`;
  const customer = await personIn(browser, baseURL, "customer", { name: "Carla Cancel" });
  const provider = await personIn(browser, baseURL, "provider", { name: "Paul Plans", businessName: business });
  try {
    const jobId = await postJob(customer.page.request, assemblyJob("Hang three shelves"));
    const applied = await provider.page.request.post(`/api/jobs/${jobId}/applications`, {
      data: { message: "I have the drill." },
    });
    expect(applied.status(), await applied.text()).toBe(201);
    const { application_id } = await applied.json();
    const booked = await customer.page.request.post(`/api/jobs/${jobId}/applications/${application_id}/accept`);
    expect(booked.status(), await booked.text()).toBe(200);

    const c = customer.page;
    await c.goto(`/jobs/${jobId}`);
    const item = c.getByRole("list", { name: "Applications" }).getByRole("listitem", { name: business });
    await expect(item.getByText("Booked", { exact: true })).toBeVisible();
    await confirmStep(c, "Cancel job", "Yes, cancel the job");
    await expect(c.getByRole("list", { name: "Job progress" })).toContainText("Cancelled");
    await expect(item.getByText("Booking cancelled", { exact: true })).toBeVisible();
    await expect(item.getByText("Booked", { exact: true })).toHaveCount(0);
    await expect(c.getByRole("button", { name: "Cancel job" })).toHaveCount(0);

    const p = provider.page;
    await p.goto(`/jobs/${jobId}`);
    await expect(p.getByText("Your business was booked for this job, then it was cancelled.")).toBeVisible();
    await expect(p.getByText("Booking cancelled", { exact: true })).toBeVisible();
    await expect(p.getByRole("button", { name: "Mark as completed" })).toHaveCount(0);
  } finally {
    await customer.context.close();
    await provider.context.close();
  }
});
