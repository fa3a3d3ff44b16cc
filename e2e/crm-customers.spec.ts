/**
 * The CRM's pages: staff find a customer by part of a phone number, tag them, add a note, record a
 * purchase and see the metrics and the chart change; a staff-role member sees no notes; the first
 * customer is added from the empty directory, with errors beside their fields. Each test registers
 * its own business and makes its own customers, so nothing depends on the demo world.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import { registerAccount, signIn, signedInProvider } from "./fixtures/accounts";
import { addNote, businessWithStaff, createRecord } from "./fixtures/crm";
import { postJob } from "./fixtures/marketplace";

test("an owner finds a customer by part of their phone number, tags them, adds a note and records a purchase", async ({
  page,
}) => {
  const owner = await signedInProvider(page.request, "Phone Search Café");
  const businessId = owner.business_id!;
  // Typed as staff would, without the country code: stored as E.164 with the business's (US).
  const rosaId = await createRecord(page.request, businessId, { full_name: "Rosa Marquez", phone: "(415) 867-2931" });
  await createRecord(page.request, businessId, {
    full_name: "Theo Baker",
    phone: "415 222 0188",
    email: "theo@e2e.test",
  });

  await page.goto(`/crm/${businessId}/customers`);
  const list = page.getByRole("list", { name: "Customers" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);

  // Part of the number, written another way: found on its digits, and the match is marked.
  await page.getByLabel("Search customers").fill("867 29");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByRole("listitem").first()).toContainText("Rosa Marquez");
  // Shown as people read it; the digits that matched are marked across its spaces.
  await expect(results.locator("mark")).toHaveText("867 29");
  await expect(results.getByRole("listitem").first()).toContainText("+1 415 867 2931");
  await expect(page).toHaveURL(/\?q=867\+29$/);

  await results.getByRole("link", { name: "Rosa Marquez" }).click();
  await expect(page).toHaveURL(new RegExp(`/crm/${businessId}/customers/${rosaId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Rosa Marquez" })).toBeVisible();
  const metrics = page.getByRole("region", { name: "Purchase metrics" });
  await expect(metrics).toContainText("$0.00");
  await expect(page.getByText("No purchases in the last twelve months.")).toBeVisible();

  // A tag, shown as a chip.
  await page.getByLabel("Add a tag").fill("Oat milk");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("list", { name: "Tags", exact: true }).getByText("Oat milk")).toBeVisible();
  // The same label in another case is refused beside the field.
  await page.getByLabel("Add a tag").fill("OAT MILK");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByLabel("Add a tag")).toHaveAttribute("aria-invalid", "true");

  // A note, with its author.
  await page.getByLabel("New note").fill("Likes the window table in the mornings.");
  await page.getByRole("button", { name: "Add note" }).click();
  const notes = page.getByRole("list", { name: "Notes" });
  await expect(notes.getByRole("listitem").first()).toContainText("Likes the window table in the mornings.");
  await expect(notes.getByRole("listitem").first()).toContainText(`by ${owner.name}`);
  // A newer note goes on top, until the first is pinned above it.
  await page.getByLabel("New note").fill("Asked about the loyalty card.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByRole("listitem").first()).toContainText("Asked about the loyalty card.");
  await notes
    .getByRole("listitem")
    .nth(1)
    .getByRole("button", { name: /^Pin the note/ })
    .click();
  await expect(notes.getByRole("listitem").first()).toContainText("Likes the window table in the mornings.");
  await expect(notes.getByRole("listitem").first()).toContainText("Pinned");
  await expect(
    notes
      .getByRole("listitem")
      .first()
      .getByRole("button", { name: /^Unpin the note/ }),
  ).toBeVisible();

  // A purchase: an amount that is not one is refused beside its field, then a real one changes the metrics and the chart.
  await page.getByLabel("Amount (USD)").fill("twelve");
  await page.getByRole("button", { name: "Record purchase" }).click();
  await expect(page.getByLabel("Amount (USD)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Amount (USD)").fill("12.50");
  await page.getByLabel("Items").fill("2");
  await page.getByLabel("What was it?").fill("Two oat flat whites");
  await page.getByRole("button", { name: "Record purchase" }).click();
  await expect(metrics).toContainText("$12.50");
  await expect(metrics).toContainText("2 items bought");
  await expect(page.getByRole("table", { name: "Spend by month" })).toContainText("$12.50");
  await expect(page.getByText(/^\$12\.50 in \w+ \d{4}, \$12\.50 in the last twelve months\.$/)).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("$12.50 · 2 items · Two oat flat whites");
  await expect(timeline).toContainText("Likes the window table");
  await expect(timeline).toContainText("Oat milk");
  // The sale is one entry: the totals it moved (kept in the audit trail) are the metrics above, not more lines.
  await expect(timeline.getByRole("listitem").filter({ hasText: "$12.50" })).toHaveCount(1);
  await expect(timeline).not.toContainText(/purchase ?count|total ?spent/i);
  // Created once, though its audit trail holds a row per field it was created with.
  await expect(timeline.getByText("Record created")).toHaveCount(1);

  await expectAccessible(page);

  // Back in the directory the chip is there, and the list is tagged in bulk.
  await page.getByRole("link", { name: "All customers" }).click();
  const rosa = page.getByRole("list", { name: "Customers" }).getByRole("listitem").filter({ hasText: "Rosa Marquez" });
  await expect(rosa.getByRole("list", { name: "Tags of Rosa Marquez" })).toContainText("Oat milk");
  await page.getByLabel("Select all 2 shown customers").check();
  await page.getByLabel("Tag to add").fill("Morning regular");
  await page.getByRole("button", { name: "Tag them" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tagged 2 customers “Morning regular”." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Customers" }).getByText("Morning regular")).toHaveCount(2);
});

test("a staff-role member sees the customer but no notes, and cannot tag", async ({ page, browser, baseURL }) => {
  const { businessId, staff, staffPage } = await businessWithStaff(page, browser, baseURL, "Notes Kept Salon");
  const recordId = await createRecord(page.request, businessId, { full_name: "Nora Private", phone: "415 303 4477" });
  await addNote(page.request, businessId, recordId, "Allergic to hazelnut: check every order.");

  try {
    await staffPage.goto(`/crm/${businessId}/customers/${recordId}`);
    await expect(staffPage.getByRole("heading", { level: 1, name: "Nora Private" })).toBeVisible();
    await expect(staffPage.getByText("Internal notes are visible to managers, admins and owners only.")).toBeVisible();
    await expect(staffPage.getByText("hazelnut")).toHaveCount(0);
    await expect(staffPage.getByRole("list", { name: "Notes" })).toHaveCount(0);
    await expect(staffPage.getByLabel("New note")).toHaveCount(0);
    await expect(staffPage.getByLabel("Add a tag")).toHaveCount(0);
    await expect(staffPage.getByRole("button", { name: "Delete customer" })).toHaveCount(0);
    // Staff record purchases all the same.
    await expect(staffPage.getByRole("button", { name: "Record purchase" })).toBeVisible();
    // The API agrees: notes are refused with a reason.
    const notes = await staff.request.get(`/api/customers/${businessId}/${recordId}/notes`);
    expect(notes.status()).toBe(403);
    expect((await notes.json()).error.reason).toBe("notes_hidden");
  } finally {
    await staff.close();
  }
});

test("an owner deletes a customer, who leaves the list and is read-only, then restores them", async ({ page }) => {
  const owner = await signedInProvider(page.request, "Second Chance Bakery");
  const businessId = owner.business_id!;
  const idaId = await createRecord(page.request, businessId, { full_name: "Ida Lane", phone: "415 404 1212" });
  await createRecord(page.request, businessId, { full_name: "Kai Moss", phone: "415 404 3434" });
  const list = page.getByRole("list", { name: "Customers" });

  await page.goto(`/crm/${businessId}/customers/${idaId}`);
  // The first press only asks; "Not now" leaves everything as it was.
  await page.getByRole("button", { name: "Delete customer" }).click();
  await expect(page.getByText("Delete Ida Lane?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes, delete" })).toBeFocused();
  await page.getByRole("button", { name: "Not now" }).click();
  await expect(page.getByRole("button", { name: "Delete customer" })).toBeFocused();

  await page.getByRole("button", { name: "Delete customer" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText(/This record was deleted on/)).toBeVisible();
  // Read-only: no forms to change it, nothing to record against it.
  await expect(page.getByRole("button", { name: "Record purchase" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit contact details" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete customer" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/crm/${businessId}/customers`);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).not.toContainText("Ida Lane");

  await page.goto(`/crm/${businessId}/customers/${idaId}`);
  await page.getByRole("button", { name: "Restore customer" }).click();
  await expect(page.getByText(/This record was deleted on/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Record purchase" })).toBeVisible();
  await page.goto(`/crm/${businessId}/customers`);
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list).toContainText("Ida Lane");
});

test("the first customer is added from the empty directory, each error beside its field", async ({ page }) => {
  const owner = await signedInProvider(page.request, "Brand New Bakery");
  await page.goto(`/crm/${owner.business_id}/customers`);
  await expect(page.getByText("No customers yet")).toBeVisible();
  const form = page.getByRole("form", { name: "New customer" });
  await expect(form).toBeVisible();

  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Name")).toBeFocused();

  await form.getByLabel("Name").fill("Ada First");
  await form.getByLabel("Email").fill("ada@e2e.test");
  await form.getByLabel("Phone").fill("415 555 2671");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada First" })).toBeVisible();
  await expect(page.getByText("+1 415 555 2671")).toBeVisible();
});

test("do-not-contact is shown loudly and overrides every opt-in; contact details are edited in place", async ({
  page,
}) => {
  const owner = await signedInProvider(page.request, "Quiet Hours Florist");
  const id = await createRecord(page.request, owner.business_id!, { full_name: "Ivy Quiet", phone: "415 404 1212" });
  await page.goto(`/crm/${owner.business_id}/customers/${id}`);
  await expect(page.getByRole("note", { name: "Do not contact" })).toHaveCount(0);
  const optIns = page.getByRole("list", { name: "Opt-ins" });
  await expect(optIns.getByText("Opted in, overridden")).toHaveCount(0);

  await page.getByRole("button", { name: "Edit contact preferences" }).click();
  await page.getByLabel("Do not contact this customer").check();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("note", { name: "Do not contact" })).toContainText("overrides every opt-in");
  // SMS, offers and loyalty are on by default: each is shown as given but overridden.
  await expect(optIns.getByText("Opted in, overridden")).toHaveCount(3);

  await page.getByRole("button", { name: "Edit contact details" }).click();
  await page.getByLabel("Phone").fill("12");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone")).toBeFocused();
  await page.getByLabel("Phone").fill("(415) 404-9898");
  await page.getByRole("button", { name: "Save changes" }).click();
  // Shown readably, dialled in E.164.
  await expect(page.getByRole("link", { name: "+1 415 404 9898" })).toHaveAttribute("href", "tel:+14154049898");

  // An address begun but not finished: what is missing is said beside it, and the first is focused.
  await page.getByRole("button", { name: "Edit contact details" }).click();
  await page.getByLabel("Street address").fill("12 Mission St");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("City")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("City")).toBeFocused();
  await expect(page.getByLabel("Postal code")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("City").fill("San Francisco");
  await page.getByLabel("State or region (optional)").fill("CA");
  await page.getByLabel("Postal code").fill("94105");
  await page.getByLabel("Country code").fill("us");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("12 Mission St, San Francisco, CA, 94105, US")).toBeVisible();
  await expectAccessible(page);

  // Every line cleared: the address is gone.
  await page.getByRole("button", { name: "Edit contact details" }).click();
  for (const line of ["Street address", "City", "State or region (optional)", "Postal code", "Country code"]) {
    await page.getByLabel(line).fill("");
  }
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/Mission St/)).toHaveCount(0);
});

test("a booked customer's record shows the business's own name as an override, and reverts to theirs", async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await signedInProvider(page.request, "Override Handyman");
  const businessId = owner.business_id!;
  const customerContext = await browser.newContext({ baseURL });
  try {
    // A marketplace booking links the customer's account to a record of the provider's business.
    const customer = await registerAccount(customerContext.request, "customer", { name: "Rita Linked" });
    await signIn(customerContext.request, customer.email);
    const jobId = await postJob(customerContext.request);
    const applied = await page.request.post(`/api/jobs/${jobId}/applications`, { data: { message: "Can do." } });
    expect(applied.status(), await applied.text()).toBe(201);
    const { application_id } = await applied.json();
    const booked = await customerContext.request.post(`/api/jobs/${jobId}/applications/${application_id}/accept`);
    expect(booked.status(), await booked.text()).toBe(200);
  } finally {
    await customerContext.close();
  }

  await page.goto(`/crm/${businessId}/customers`);
  await page.getByRole("list", { name: "Customers" }).getByRole("link", { name: "Rita Linked" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rita Linked" })).toBeVisible();
  await expect(page.getByText("Clientele account", { exact: true })).toBeVisible();
  await expect(page.getByText("Your value")).toHaveCount(0);

  await page.getByRole("button", { name: "Edit contact details" }).click();
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.getByLabel("Name").fill("Rita (front desk)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rita (front desk)" })).toBeVisible();
  await expect(page.getByText("Your value")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Edit contact details" })).toBeFocused();

  await page.getByRole("button", { name: "Revert name to the customer's own" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rita Linked" })).toBeVisible();
  await expect(page.getByText("Your value")).toHaveCount(0);
});
