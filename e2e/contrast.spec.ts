/**
 * Quiet text still reads: "Not yet", "No reviews" and "none" were slate-400 on white (2.6:1), under
 * WCAG AA's 4.5:1. axe-core computes every text's contrast against the background it is drawn on;
 * each page below must have no failure, and each muted text must have been measured at 4.5:1 or more.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { inviteAndAccept, registerAccount, signedInProvider, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

/** Fails on any text under AA on the page, then returns the measured ratio of each text in `muted`. */
async function expectReadable(page: Page, muted: string[]) {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  const failures = results.violations.flatMap((rule) =>
    rule.nodes.map((node) => `${node.target.join(" ")}: ${node.any[0]?.message ?? node.failureSummary}`),
  );
  expect(failures, `on ${page.url()}`).toEqual([]);
  const measured = results.passes.flatMap((rule) => rule.nodes);
  for (const text of muted) {
    const node = measured.find((n) => n.html.includes(`>${text}<`));
    expect(node, `"${text}" was measured on ${page.url()}`).toBeDefined();
    expect(node!.any[0]!.data.contrastRatio, `contrast of "${text}"`).toBeGreaterThanOrEqual(4.5);
  }
}

test("a new customer's profile, as a provider sees it: the figures not yet known still read", async ({ page }) => {
  const customer = await registerAccount(page.request, "customer", { name: "Nia Newcomer" });
  await signedInProvider(page.request, "Contrast Cleaning");
  await page.goto(`/provider/customers/${customer.customer_id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Nia N." })).toBeVisible();
  await expect(page.getByText("Not yet", { exact: true })).toHaveCount(2);
  await expectReadable(page, ["Not yet", "No reviews"]);
});

test("the staff history's missing values and the job timeline's next steps read", async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await registerAccount(page.request, "provider", { name: "Cora Contrast", businessName: "Ratio Rooms" });
  const member = await registerAccount(page.request, "customer", { name: "Milo Muted" });
  await signIn(page.request, owner.email);
  await inviteAndAccept(page.request, owner.business_id!, owner.email, member, "staff");
  await page.goto("/business/staff");
  const history = page.getByRole("list", { name: "Staff changes" });
  await expect(history.getByText("none", { exact: true })).toBeVisible();
  await expectReadable(page, ["none"]);

  // A job with a message from each side, seen by its customer: "Not yet" on the timeline, and the
  // other side's bubble (grey) with its time.
  const customerContext = await browser.newContext({ baseURL });
  try {
    const customer = await registerAccount(customerContext.request, "customer", { name: "Jo Timeline" });
    await signIn(customerContext.request, customer.email);
    const jobId = await postJob(customerContext.request);
    const applied = await page.request.post(`/api/jobs/${jobId}/applications`, { data: { message: "Hello" } });
    expect(applied.status(), await applied.text()).toBe(201);
    for (const request of [page.request, customerContext.request]) {
      const sent = await request.post(`/api/jobs/${jobId}/messages`, {
        data: { body: "When suits you?", provider_business_id: owner.business_id },
      });
      expect(sent.status(), await sent.text()).toBe(201);
    }
    const customerPage = await customerContext.newPage();
    await customerPage.goto(`/jobs/${jobId}`);
    await expect(customerPage.getByRole("list", { name: "Messages" }).getByRole("listitem")).toHaveCount(2);
    await expect(customerPage.getByText("Not yet").first()).toBeVisible();
    await expectReadable(customerPage, ["Not yet"]);
  } finally {
    await customerContext.close();
  }
});
