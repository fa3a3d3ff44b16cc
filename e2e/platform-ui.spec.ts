/**
 * The platform's own screens: the audit history panel on the staff page, and the event outbox
 * an administrator watches at /admin.
 */
import { expect, test } from "@playwright/test";
import { inviteAndAccept, registerAccount, signIn, DEMO_PASSWORD } from "./fixtures/accounts";

test("a role change appears in the staff page's history, field by field, with who made it", async ({ page }) => {
  const owner = await registerAccount(page.request, "provider", {
    name: "Olive Owner",
    businessName: "Audit Plumbing",
  });
  const member = await registerAccount(page.request, "customer", { name: "Mick Member" });
  await signIn(page.request, owner.email);
  await inviteAndAccept(page.request, owner.business_id!, owner.email, member, "staff");

  await page.goto("/business/staff");
  const history = page.getByRole("list", { name: "Staff changes" });
  await expect(history.getByText("Created").first()).toBeVisible();
  await expect(history.getByText("Mick Member").first()).toBeVisible();

  const row = page.getByRole("listitem").filter({ has: page.getByLabel("Role for Mick Member") });
  await row.getByLabel("Role for Mick Member").selectOption("manager");
  await row.getByRole("button", { name: "Save" }).click();

  const change = history.getByRole("listitem").filter({ hasText: "Updated" }).first();
  await expect(change).toBeVisible();
  await expect(change).toContainText("Mick Member");
  await expect(change).toContainText("by Olive Owner");
  await expect(change).toContainText(/Role:\s*staff\s*→?\s*to manager/);
});

test("the only owner is offered no change the server would refuse; with a second owner, both rows are", async ({
  page,
}) => {
  const owner = await registerAccount(page.request, "provider", {
    name: "Sole Owner",
    businessName: "Only Owners Ltd",
  });
  const partner = await registerAccount(page.request, "customer", { name: "Second Owner" });
  await signIn(page.request, owner.email);

  await page.goto("/business/staff");
  const team = page.getByRole("list", { name: "Team" });
  await expect(team.getByRole("listitem")).toHaveCount(1);
  // Removing or demoting the last owner is refused (last_owner): neither is offered.
  await expect(team.getByRole("button", { name: "Remove Sole Owner" })).toHaveCount(0);
  await expect(team.getByLabel("Role for Sole Owner")).toHaveCount(0);

  await inviteAndAccept(page.request, owner.business_id!, owner.email, partner, "owner");
  await page.reload();
  await expect(team.getByRole("listitem")).toHaveCount(2);
  for (const name of ["Sole Owner", "Second Owner"]) {
    await expect(team.getByRole("button", { name: `Remove ${name}` })).toBeVisible();
    await expect(team.getByLabel(`Role for ${name}`).getByRole("option")).toHaveText([
      "owner",
      "admin",
      "manager",
      "staff",
    ]);
  }

  // What is offered goes through: the second owner steps the first down to admin.
  const ownRow = team.getByRole("listitem").filter({ hasText: "(you)" });
  await ownRow.getByLabel("Role for Sole Owner").selectOption("admin");
  await ownRow.getByRole("button", { name: "Save" }).click();
  await expect(team.getByLabel("Role for Sole Owner")).toHaveValue("admin");
  await expect(team.getByRole("alert")).toHaveCount(0);
  // Now an admin, they may no longer change an owner, and are no longer offered to.
  await expect(team.getByRole("button", { name: "Remove Second Owner" })).toHaveCount(0);
  await expect(team.getByLabel("Role for Second Owner")).toHaveCount(0);
});

test("the demo staff history names the member a change was about", async ({ page }) => {
  await signIn(page.request, "owner@bloom.test", DEMO_PASSWORD);
  await page.goto("/business/staff");
  const history = page.getByRole("list", { name: "Staff changes" });
  await expect(history.getByRole("listitem").first()).toBeVisible();
  await expect(history).toContainText("Sam Okafor");
  await expect(history).not.toContainText("Membership");
});

test("the platform admin sees the event outbox and the events staff changes produced", async ({ page, request }) => {
  // A staff change somewhere produces an event...
  const owner = await registerAccount(request, "provider", { businessName: "Outbox Cleaning" });
  const member = await registerAccount(request, "customer");
  await signIn(request, owner.email);
  await inviteAndAccept(request, owner.business_id!, owner.email, member, "staff");

  // ...which the admin finds in the outbox, pending or already published.
  await signIn(page.request, "admin@clientele.test", DEMO_PASSWORD);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Event outbox" })).toBeVisible();
  await expect(page.getByText("v1.staff.added").first()).toBeVisible();
});
