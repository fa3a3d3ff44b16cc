/**
 * Messaging about a job, both sides in their own browser: the customer posts a job and a provider
 * applies (through the API, quicker than clicking); the provider writes from the job page, the
 * customer reads it there and replies, and the reply reaches the provider's open page without a
 * reload (the thread polls every 5 s). Relies only on the thread's accessible names: a region
 * "Conversation with <name>", its "Messages" list, a "Message" text box and a "Send" button.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { registerAccount, signedInProvider, signIn } from "./fixtures/accounts";
import { postJob } from "./fixtures/marketplace";

const conversationWith = (page: Page, name: string) => page.getByRole("region", { name: `Conversation with ${name}` });

test("a provider and a customer message each other about a job, and replies arrive without a reload", async ({
  page,
  browser,
  baseURL,
}) => {
  const customerContext = await browser.newContext({ baseURL });
  try {
    const customerPage = await customerContext.newPage();
    const customer = await registerAccount(customerPage.request, "customer", { name: "Mara Messenger" });
    await signIn(customerPage.request, customer.email);
    const jobId = await postJob(customerPage.request, {
      title: "Paint the garden fence",
      category: "Painting",
      description: "About 20 metres of wooden fence, one coat.",
    });

    await signedInProvider(page.request, "Fence & Brush Co");
    const applied = await page.request.post(`/api/jobs/${jobId}/applications`, {
      data: { message: "We can do it this Saturday." },
    });
    expect(applied.status(), await applied.text()).toBe(201);

    // The provider opens the job: an empty conversation with the customer, and a form.
    await page.goto(`/jobs/${jobId}`);
    const providerThread = conversationWith(page, "The customer");
    await expect(providerThread.getByText("No messages yet. Say hello.")).toBeVisible();
    await providerThread.getByRole("textbox", { name: "Message" }).fill("Hello! Is the fence already primed?");
    await providerThread.getByRole("button", { name: "Send" }).click();
    const providerMessages = providerThread.getByRole("list", { name: "Messages" });
    await expect(providerMessages.getByRole("listitem")).toHaveCount(1);
    await expect(providerMessages.getByRole("listitem").first()).toContainText("You");
    await expect(providerMessages.getByRole("listitem").first()).toContainText("Hello! Is the fence already primed?");
    await expect(providerThread.getByRole("textbox", { name: "Message" })).toHaveValue("");

    // An empty message is refused by the field, and nothing is sent.
    await providerThread.getByRole("button", { name: "Send" }).click();
    await expect(providerThread.getByText("Write a message.")).toBeVisible();
    await expect(providerMessages.getByRole("listitem")).toHaveCount(1);

    // The customer opens the same job in their own browser and finds the message from the business.
    await customerPage.goto(`/jobs/${jobId}`);
    const customerThread = conversationWith(customerPage, "Fence & Brush Co");
    const customerMessages = customerThread.getByRole("list", { name: "Messages" });
    await expect(customerMessages.getByRole("listitem")).toHaveCount(1);
    await expect(customerMessages.getByRole("listitem").first()).toContainText("Fence & Brush Co");
    await expect(customerMessages.getByRole("listitem").first()).toContainText("Hello! Is the fence already primed?");

    // They reply with Ctrl+Enter.
    const reply = customerThread.getByRole("textbox", { name: "Message" });
    await reply.fill("Not yet, but I have primer in the shed.");
    await reply.press("Control+Enter");
    await expect(customerMessages.getByRole("listitem")).toHaveCount(2);
    await expect(customerMessages.getByRole("listitem").last()).toContainText("You");

    // The provider's page, never reloaded, shows the reply once its next poll comes back, under the
    // customer's public name (first name and initial), and announces it to screen readers.
    await expect(providerMessages.getByRole("listitem")).toHaveCount(2, { timeout: 15_000 });
    const arrived = providerMessages.getByRole("listitem").last();
    await expect(arrived).toContainText("Not yet, but I have primer in the shed.");
    await expect(arrived).toContainText("Mara M.");
    await expect(arrived).not.toContainText("Messenger");
    await expect(
      providerThread.locator("[aria-live=polite]").filter({ hasText: "New message from Mara M." }),
    ).toHaveCount(1);
  } finally {
    await customerContext.close();
  }
});

/** A customer's job with one provider's application, both signed in through their own request contexts. */
async function jobWithApplicant(customerRequest: APIRequestContext, providerRequest: APIRequestContext) {
  const customer = await registerAccount(customerRequest, "customer", { name: "Tess Threadly" });
  await signIn(customerRequest, customer.email);
  const jobId = await postJob(customerRequest, { title: "Tile the bathroom floor", category: "Handyman" });
  const provider = await signedInProvider(providerRequest, "Grout & Co");
  const applied = await providerRequest.post(`/api/jobs/${jobId}/applications`, {
    data: { message: "Free on Monday." },
  });
  expect(applied.status(), await applied.text()).toBe(201);
  return { jobId, providerBusinessId: provider.business_id! };
}

test("a long conversation scrolls inside its box, and the page still ends at its footer", async ({
  page,
  browser,
  baseURL,
}) => {
  const customerContext = await browser.newContext({ baseURL });
  try {
    const { jobId, providerBusinessId } = await jobWithApplicant(customerContext.request, page.request);
    // Enough messages to overflow the thread's box several times over, from both sides.
    for (let i = 1; i <= 24; i++) {
      const from = i % 2 ? page.request : customerContext.request;
      const sent = await from.post(`/api/jobs/${jobId}/messages`, {
        data: { body: `Message number ${i} about the tiles.`, provider_business_id: providerBusinessId },
      });
      expect(sent.status(), await sent.text()).toBe(201);
    }

    await page.goto(`/jobs/${jobId}`);
    const messages = conversationWith(page, "The customer").getByRole("list", { name: "Messages" });
    await expect(messages.getByRole("listitem")).toHaveCount(24);
    // The box scrolls, not the page: opened at the newest message, then read back to the oldest.
    expect(await messages.evaluate((el) => el.scrollHeight > el.clientHeight * 2)).toBe(true);
    for (const position of ["bottom", "top"] as const) {
      await messages.evaluate((el, to) => el.scrollTo({ top: to === "top" ? 0 : el.scrollHeight }), position);
      const { pageHeight, footerBottom } = await page.evaluate(() => ({
        pageHeight: document.documentElement.scrollHeight,
        footerBottom: document.querySelector("footer")!.getBoundingClientRect().bottom + window.scrollY,
      }));
      // Screen-reader text in each bubble used to escape the box and stretch the page below the footer.
      expect(pageHeight, `scrolled to the ${position}`).toBeLessThanOrEqual(Math.ceil(footerBottom));
    }
  } finally {
    await customerContext.close();
  }
});

test("a message sent while offline fails visibly, keeps its text, and goes once tried again online", async ({
  page,
  browser,
  baseURL,
}) => {
  const customerContext = await browser.newContext({ baseURL });
  try {
    const { jobId } = await jobWithApplicant(customerContext.request, page.request);
    await page.goto(`/jobs/${jobId}`);
    const thread = conversationWith(page, "The customer");
    const box = thread.getByRole("textbox", { name: "Message" });
    await expect(thread.getByText("No messages yet. Say hello.")).toBeVisible();

    await page.context().setOffline(true);
    await box.fill("Are the tiles already on site?");
    await thread.getByRole("button", { name: "Send" }).click();
    // Not a spinner that never ends: the field says it was not sent, the text stays, and a retry is offered.
    await expect(box).toHaveAccessibleDescription(/Not sent\. Could not reach Clientele/);
    await expect(box).toHaveValue("Are the tiles already on site?");
    const retry = thread.getByRole("button", { name: "Try again" });
    await expect(retry).toBeEnabled();
    await expect(thread.getByRole("status").filter({ hasText: "Message not sent." })).toHaveCount(1);

    await page.context().setOffline(false);
    await retry.click();
    const messages = thread.getByRole("list", { name: "Messages" });
    await expect(messages.getByRole("listitem")).toHaveCount(1);
    await expect(messages.getByRole("listitem").first()).toContainText("Are the tiles already on site?");
    await expect(box).toHaveValue("");
    await expect(box).not.toHaveAccessibleDescription(/Not sent/);
    await expect(thread.getByRole("button", { name: "Send" })).toBeVisible();
  } finally {
    await customerContext.close();
  }
});
