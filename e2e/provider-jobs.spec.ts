/**
 * A provider's job lists (/provider/jobs): a customer posts two jobs in different categories
 * through the JSON API; a provider sees both among the open jobs, filters by one category and sees
 * only that one, and follows its title to the job page; then finds the job it applied to under
 * "Your applications". Each test registers its own accounts, and the titles carry a random suffix, so
 * parallel specs and the seeded demo jobs cannot be mistaken for these.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { registerAccount, signedInProvider, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

/** Posts jobs as a new customer, in a request context of its own (the page's cookies are the provider's); their ids. */
async function postJobsAsCustomer(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
  jobs: { title: string; category: string }[],
): Promise<string[]> {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const customer = await registerAccount(request, "customer", { name: "Jo Jobposter" });
    await signIn(request, customer.email);
    const ids: string[] = [];
    for (const job of jobs) {
      ids.push(
        await postJob(request, {
          ...job,
          description: "Details to agree on the day.",
          budget_minor: 12000,
          currency: "USD",
        }),
      );
    }
    return ids;
  } finally {
    await request.dispose();
  }
}

const openJobs = (page: Page) => page.getByRole("list", { name: "Open jobs", exact: true });

test("a provider sees new open jobs, filters them by category and opens one", async ({ page, playwright, baseURL }) => {
  const suffix = randomUUID().slice(0, 8);
  const tap = `Fix a dripping bathroom tap ${suffix}`;
  const hedge = `Trim the front hedge ${suffix}`;
  const [tapId] = await postJobsAsCustomer(playwright, baseURL, [
    { title: tap, category: "Plumbing" },
    { title: hedge, category: "Gardening" },
  ]);

  await signedInProvider(page.request, "Browse & Fix Ltd");
  await page.goto("/provider/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Job lists" });
  await expect(tabs.getByRole("link", { name: "Open jobs" })).toHaveAttribute("aria-current", "page");

  // Newest first: both new jobs are on the first page, each with its category.
  await expect(openJobs(page).getByRole("link", { name: tap, exact: true })).toBeVisible();
  await expect(openJobs(page).getByRole("link", { name: hedge, exact: true })).toBeVisible();
  const tapCard = openJobs(page).getByRole("listitem").filter({ hasText: tap });
  await expect(tapCard).toContainText("Plumbing");
  await expect(tapCard).toContainText("$120.00");
  await expect(tapCard.getByRole("link", { name: /About the customer/ })).toBeVisible();

  // Only plumbing: the hedge is gone, and the URL says so (it can be shared).
  await page.getByLabel("Category").selectOption("Plumbing");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]category=Plumbing(&|$)/);
  await expect(openJobs(page).getByRole("link", { name: tap, exact: true })).toBeVisible();
  await expect(openJobs(page).getByRole("link", { name: hedge, exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Category")).toHaveValue("Plumbing");

  // The title leads to the job page, where a provider reads it whole and applies.
  await openJobs(page).getByRole("link", { name: tap, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${tapId!}$`));
});

test("a job the provider applied to shows as applied, and under Your applications", async ({
  page,
  playwright,
  baseURL,
}) => {
  const title = `Assemble a bookcase ${randomUUID().slice(0, 8)}`;
  const [jobId] = await postJobsAsCustomer(playwright, baseURL, [{ title, category: "Furniture assembly" }]);

  await signedInProvider(page.request, "Flat Pack Heroes");
  await page.goto("/provider/jobs?view=mine");
  await expect(page.getByText("You have not applied to any jobs yet")).toBeVisible();

  const applied = await page.request.post(`/api/jobs/${jobId!}/applications`, {
    data: { message: "We have built hundreds." },
  });
  expect(applied.status(), await applied.text()).toBe(201);

  await page.goto("/provider/jobs?view=open&category=Furniture+assembly");
  const card = openJobs(page).getByRole("listitem").filter({ hasText: title });
  await expect(card.getByText("Applied", { exact: true })).toBeVisible();
  await expect(card).toContainText("1 provider");

  await page.getByRole("navigation", { name: "Job lists" }).getByRole("link", { name: "Your applications" }).click();
  await expect(page).toHaveURL(/view=mine/);
  const mine = page.getByRole("list", { name: "Your applications", exact: true });
  await expect(mine.getByRole("listitem").filter({ hasText: title })).toContainText(
    "Waiting for the customer to choose",
  );
  await page
    .getByRole("navigation", { name: "Filter your jobs by stage" })
    .getByRole("link", { name: "Booked" })
    .click();
  await expect(page.getByText("Nothing booked right now")).toBeVisible();
});
