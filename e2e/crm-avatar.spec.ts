/**
 * A customer's photo on the CRM record page: an owner uploads a real PNG and sees it in the header,
 * served from our own avatar route; a text file named photo.png is refused by the server, whose
 * reason shows beside the control while the photo stays as it was; a file over 1 MB is refused in
 * the browser without an upload; removing the photo brings the initials back. A staff-role member
 * sees the photo but cannot change it. Each test registers its own business and customer.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/a11y";
import sharp from "sharp";
import { signedInProvider } from "./fixtures/accounts";
import { businessWithStaff, createRecord } from "./fixtures/crm";

/** A real PNG, as a camera or an editor would save one. */
const png = () =>
  sharp({ create: { width: 240, height: 180, channels: 3, background: "#2e86c1" } })
    .png()
    .toBuffer();

/** The record page's header: the one holding the customer's name. */
const recordHeader = (page: Page) => page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });

/** The header's image has loaded (a broken image has no natural width). */
async function expectLoaded(page: Page) {
  const image = recordHeader(page).locator("img");
  await expect(image).toHaveCount(1);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

/** From now on, counts the local previews (blob: images) the page shows, for previewsShown. */
async function watchPreviews(page: Page) {
  await page.evaluate(() => {
    const seen = new Set<string>();
    const look = () =>
      document.querySelectorAll("img").forEach((img) => img.src.startsWith("blob:") && seen.add(img.src));
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    (window as unknown as { previews: Set<string> }).previews = seen;
  });
}
const previewsShown = (page: Page) =>
  page.evaluate(() => (window as unknown as { previews: Set<string> }).previews.size);

test("an owner uploads a photo, a file that is no image is refused beside the control, and the photo is removed", async ({
  page,
}) => {
  const owner = await signedInProvider(page.request, "Portrait Parlour");
  const businessId = owner.business_id!;
  const recordId = await createRecord(page.request, businessId, { full_name: "Iris Avery", phone: "415 555 0142" });
  const route = `/api/customers/${businessId}/${recordId}/avatar`;

  await page.goto(`/crm/${businessId}/customers/${recordId}`);
  const header = recordHeader(page);
  await expect(page.getByRole("heading", { level: 1, name: "Iris Avery" })).toBeVisible();
  await expect(header.getByText("IA", { exact: true })).toBeVisible();
  await expect(header.locator("img")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove photo" })).toHaveCount(0);

  // A real PNG: previewed at once, then shown from our own route, versioned by the stored image.
  await watchPreviews(page);
  await page.getByLabel("Add photo").setInputFiles({ name: "iris.png", mimeType: "image/png", buffer: await png() });
  const image = header.locator("img");
  await expect(image).toHaveAttribute("src", new RegExp(`^${escape(route)}\\?v=`));
  expect(await previewsShown(page)).toBe(1);
  await expectLoaded(page);
  const uploaded = (await image.getAttribute("src"))!;
  const served = await page.request.get(uploaded);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  await expect(page.getByRole("status").filter({ hasText: "Photo updated." })).toBeAttached();
  await expectAccessible(page);

  // Text named photo.png: never previewed (no broken image); the server looks at the content and
  // refuses; its words show, the photo stays.
  await page.getByLabel("Change photo").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("This is a shopping list, not a picture.\n"),
  });
  const alert = page.getByRole("alert").filter({ hasText: "Upload a JPEG, PNG or WebP image." });
  await expect(alert).toBeVisible();
  expect(await previewsShown(page)).toBe(1);
  await expect(page.getByLabel("Change photo")).toHaveAttribute("aria-invalid", "true");
  await expect(image).toHaveAttribute("src", uploaded);
  await expectLoaded(page);
  await page.reload();
  await expect(image).toHaveAttribute("src", uploaded);

  // Over 1 MB: refused in the browser at once, nothing sent.
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes(route)) uploads.push(request.url());
  });
  await page.getByLabel("Change photo").setInputFiles({
    name: "huge.png",
    mimeType: "image/png",
    buffer: Buffer.alloc(1024 * 1024 + 1),
  });
  await expect(page.getByRole("alert").filter({ hasText: "larger than 1 MB" })).toBeVisible();
  expect(uploads).toEqual([]);
  await expect(image).toHaveAttribute("src", uploaded);

  // Removed: the initials are back, and so is the route's 404.
  await page.getByRole("button", { name: "Remove photo" }).click();
  await expect(header.locator("img")).toHaveCount(0);
  await expect(header.getByText("IA", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove photo" })).toHaveCount(0);
  await expect(page.getByLabel("Add photo")).toBeFocused();
  expect((await page.request.get(route)).status()).toBe(404);
  await expectAccessible(page);
});

test("a staff-role member sees the customer's photo but cannot change it", async ({ page, browser, baseURL }) => {
  const { businessId, staff, staffPage } = await businessWithStaff(page, browser, baseURL, "Staff Photo Studio");
  const recordId = await createRecord(page.request, businessId, { full_name: "Jonah Park", phone: "415 555 0177" });
  const route = `/api/customers/${businessId}/${recordId}/avatar`;
  const uploaded = await page.request.post(route, {
    multipart: { avatar: { name: "jonah.png", mimeType: "image/png", buffer: await png() } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(200);

  try {
    await staffPage.goto(`/crm/${businessId}/customers/${recordId}`);
    await expect(staffPage.getByRole("heading", { level: 1, name: "Jonah Park" })).toBeVisible();
    await expect(recordHeader(staffPage).locator("img")).toHaveAttribute(
      "src",
      (await uploaded.json()).avatar_url as string,
    );
    await expectLoaded(staffPage);
    await expect(staffPage.getByText("Change photo")).toHaveCount(0);
    await expect(staffPage.locator('input[type="file"]')).toHaveCount(0);
    await expect(staffPage.getByRole("button", { name: "Remove photo" })).toHaveCount(0);
  } finally {
    await staff.close();
  }
});

/** `text` as a literal in a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
