/**
 * The customer's side of the marketplace pages: a new customer posts a job through the form (a
 * missing title is pointed out next to the title, what they typed stays), lands on the job's page,
 * finds the job on /me and /me/jobs, and makes their profile private with the keyboard, which
 * holds across a reload. A demo customer's /me tells which of her cancellations count against her
 * and which providers "restricted" admits. The job page itself (/jobs/[jobId]) has its own spec.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, registerAccount, signIn } from "./fixtures/accounts";

test("a new customer posts a job, finds it in their jobs and makes their profile private", async ({ page }) => {
  const customer = await registerAccount(page.request, "customer", { name: "Jo Poster" });
  await signIn(page.request, customer.email);
  const title = `Put up three shelves ${randomUUID().slice(0, 8)}`;

  // A new customer has no jobs yet; "Post a job" is both in the header and the empty list.
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByText("No jobs yet")).toBeVisible();
  await page.getByRole("link", { name: "Post a job" }).first().click();
  await expect(page).toHaveURL(/\/me\/jobs\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Post a job" })).toBeVisible();

  // Everything but the title: the error is next to the title, which gets the focus.
  await page.getByLabel("Category", { exact: true }).selectOption("Handyman");
  await page
    .getByLabel("Description", { exact: true })
    .fill("Three shelves on a brick wall. I have the brackets and screws.");
  await page.getByLabel(/^Budget/).fill("80.50");
  await page.getByRole("button", { name: "Post job" }).click();
  const titleInput = page.getByLabel("Title", { exact: true });
  await expect(titleInput).toHaveAttribute("aria-invalid", "true");
  await expect(titleInput).toHaveAccessibleDescription(/Give the job a title\./);
  await expect(titleInput).toBeFocused();
  await expect(page.getByLabel("Description", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/me\/jobs\/new$/);
  // Nothing typed was lost.
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue(/Three shelves on a brick wall/);
  await expect(page.getByLabel(/^Budget/)).toHaveValue("80.50");
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("Handyman");

  await titleInput.fill(title);
  await page.getByRole("button", { name: "Post job" }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;
  await expect(page.getByText(title).first()).toBeVisible();

  // /me lists it among the recent jobs, linking to its page; "All jobs" leads to /me/jobs.
  await page.goto("/me");
  const recent = page.getByRole("list", { name: "Recent jobs" });
  await expect(recent.getByRole("link", { name: title })).toHaveAttribute("href", jobPath);
  await page.getByRole("link", { name: "All jobs" }).click();
  await expect(page).toHaveURL(/\/me\/jobs$/);

  const row = page.getByRole("list", { name: "Your jobs" }).getByRole("listitem").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Open", { exact: true })).toBeVisible();
  await expect(row).toContainText("Handyman");
  await expect(row).toContainText("$80.50");
  await expect(row).toContainText("No applications yet");
  await expect(row.getByRole("link", { name: title })).toHaveAttribute("href", jobPath);

  // The status filter: the open job is among the open ones, and there are no completed jobs.
  const filter = page.getByRole("navigation", { name: "Filter jobs by status" });
  await filter.getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/me\/jobs\?status=open$/);
  await expect(filter.getByRole("link", { name: "Open" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("list", { name: "Your jobs" })).toContainText(title);
  await filter.getByRole("link", { name: "Completed" }).click();
  await expect(page).toHaveURL(/\/me\/jobs\?status=completed$/);
  await expect(page.getByText("No completed jobs")).toBeVisible();
  await expect(page.getByRole("link", { name: "Post a job" }).last()).toHaveAttribute("href", "/me/jobs/new");

  // Private, with the keyboard only: arrow keys move through the choices, Tab reaches Save.
  await page.goto("/me");
  await page.getByRole("radio", { name: "Public" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Private" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "now private" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Private" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Public" })).not.toBeChecked();
  await expect(page.getByText("No views yet")).toBeVisible();
});

test("an account without a customer profile is told it cannot post jobs", async ({ page }) => {
  const provider = await registerAccount(page.request, "provider", {
    businessName: `Not A Customer ${randomUUID().slice(0, 6)}`,
  });
  await signIn(page.request, provider.email);

  await page.goto("/me/jobs/new");
  await expect(page.getByRole("alert").filter({ hasText: "Only customer accounts can post jobs" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Post job" })).toHaveCount(0);
});

test("a customer sees which of their cancellations count, and which providers a restricted profile admits", async ({
  page,
}) => {
  await signIn(page.request, "alice@clientele.test", DEMO_PASSWORD);
  await page.goto("/me");

  // The demo gives Alice one cancellation of each kind; only the one after booking counts.
  const record = page.getByLabel("Your job record");
  const value = (label: string) =>
    record
      .locator("div")
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator("dd");
  await expect(value("Completed")).toHaveText("22");
  await expect(value("Cancelled after booking")).toHaveText("1");
  await expect(value("Withdrawn before booking")).toHaveText("1");
  await expect(value("Cancelled by the provider")).toHaveText("1");
  await expect(record).toContainText("Not counted: no provider was booked yet");
  await expect(value("Completion rate")).toHaveText("95.7%");

  // "Restricted" says plainly that opening one of her jobs is enough.
  await expect(page.getByRole("radio", { name: "Restricted" })).toHaveAccessibleDescription(
    /^Only providers who have opened one of your jobs, .* Opening a job counts: any provider browsing open jobs can open yours/,
  );
});
