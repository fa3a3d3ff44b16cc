/**
 * The customer's forms end to end on the server: the post-a-job form's fields (an amount typed as
 * "120.50", a local time with its offset) become the API's input with every error keyed by the
 * input that caused it, postJobAction posts the job and sends the customer to it, and
 * setProviderVisibilityAction changes who may see the profile. Non-customers are refused with
 * the policy's reason. Only the session, the request headers and Next's cache are stubbed; the
 * database is the test's rolled-back transaction.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postJobAction } from "./actions";
import { setProviderVisibilityAction } from "@/lib/customer-profile/actions";
import { customers, jobs } from "@/db/schema";
import { uniqueIp } from "@/test/factories";
import { withLocalOffset } from "@/components/customer/local-offset";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { postJobForm } from "./post-job-form";

const { as, routeDatabase } = await vi.hoisted(() => import("@/test/route-harness"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": uniqueIp() }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const t = await routeDatabase();

const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
const FORM = {
  title: "Fix a leaking tap",
  category: "Plumbing",
  description: "Kitchen tap, drips all night.",
  budget: "",
  currency: "USD",
  scheduled_for: "",
};

const formData = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
};

const fieldErrors = (values: Record<string, string>) => {
  const result = postJobForm.safeParse(values);
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
};

/** The path Next's redirect() was called with (it throws to unwind the action). */
async function redirectedTo(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    (result) => {
      throw new Error(`Expected a redirect, got ${JSON.stringify(result)}`);
    },
    (e: unknown) => e as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(error.digest ?? "");
  if (!match) throw error;
  return match[1]!;
}

describe("the post-a-job form", () => {
  it.each([
    ["120", 12_000],
    ["120.5", 12_050],
    ["120.50", 12_050],
    [" 99 ", 9_900],
    ["1,200.50", 120_050],
    ["1000000", 100_000_000],
    ["", null],
  ])("reads a budget of %j as %j minor units", (budget, minor) => {
    expect(postJobForm.parse({ ...FORM, budget })).toMatchObject({ budget_minor: minor });
  });

  it.each(["120,50", "12.345", "$120", "-5", "ten", "0", "0.00", "1000000.01"])(
    "refuses a budget of %j next to the budget input",
    (budget) => {
      expect(Object.keys(fieldErrors({ ...FORM, budget }))).toEqual(["budget"]);
    },
  );

  it("reports every problem at once, each under its input's name", () => {
    const errors = fieldErrors({
      ...FORM,
      title: "  ",
      category: "",
      budget: "12,5",
      currency: "JPY",
      scheduled_for: "2001-01-01T09:00:00+00:00",
    });
    expect(errors).toEqual({
      title: "Give the job a title.",
      category: "Choose a category.",
      budget: expect.stringContaining("120.50"),
      currency: expect.any(String),
      scheduled_for: "Choose a time in the future.",
    });
  });

  it("names the inputs a browser left out (a disabled placeholder option is not sent)", () => {
    expect(fieldErrors({ description: "Kitchen tap." })).toEqual({
      title: "Give the job a title.",
      category: "Choose a category.",
    });
  });

  it("keeps the offset the browser added to the chosen time, and defaults the currency", () => {
    const input = postJobForm.parse({ ...FORM, currency: undefined, scheduled_for: "2099-06-01T09:00:00+02:00" });
    expect(input).toMatchObject({ currency: "USD", scheduled_for: "2099-06-01T09:00:00+02:00", budget_minor: null });
  });

  describe("a datetime-local value", () => {
    const tz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = tz;
    });

    it.each([
      ["Europe/Paris", "2026-12-01T09:00", "2026-12-01T09:00:00+01:00"],
      ["Europe/Paris", "2026-07-01T09:00", "2026-07-01T09:00:00+02:00"],
      ["America/New_York", "2026-12-01T09:00:30", "2026-12-01T09:00:30-05:00"],
      ["Asia/Kolkata", "2026-12-01T09:00", "2026-12-01T09:00:00+05:30"],
      ["UTC", "2026-12-01T09:00", "2026-12-01T09:00:00+00:00"],
    ])("in %s: %s is sent as %s", (zone, local, iso) => {
      process.env.TZ = zone;
      expect(withLocalOffset(local)).toBe(iso);
      expect(Date.parse(iso)).toBe(new Date(local).getTime());
    });

    it("is left as it is when unreadable, for the server to refuse", () => {
      expect(withLocalOffset("tomorrow")).toBe("tomorrow");
    });
  });
});

describe("postJobAction", () => {
  it("posts the customer's job and takes them to its page", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      as(cara.actor);
      const when = withLocalOffset(TOMORROW);
      const path = await redirectedTo(
        postJobAction(null, formData({ ...FORM, budget: "120.50", currency: "EUR", scheduled_for: when })),
      );
      const jobId = /^\/jobs\/([0-9a-f-]{36})$/.exec(path)?.[1];
      expect(jobId, path).toBeDefined();
      const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId!));
      expect(job).toMatchObject({
        customerId: cara.customerId,
        title: FORM.title,
        category: "Plumbing",
        budgetMinor: 12_050,
        currency: "EUR",
      });
      expect(new Date(job!.scheduledFor!).getTime()).toBe(Date.parse(when));
    }));

  it("answers a missing title with an error for the title input, and posts nothing", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      as(cara.actor);
      const result = await postJobAction(null, formData({ ...FORM, title: "" }));
      expect(result).toMatchObject({
        ok: false,
        error: { code: "bad_request", fieldErrors: { title: ["Give the job a title."] } },
      });
      expect(await db.select().from(jobs).where(eq(jobs.customerId, cara.customerId))).toEqual([]);
    }));

  it("refuses an account without a customer profile, saying why", () =>
    t.inTransaction(async (db) => {
      as((await newProvider(db)).actor);
      const result = await postJobAction(null, formData(FORM));
      expect(result).toMatchObject({
        ok: false,
        error: { code: "forbidden", reason: "not_a_customer", message: expect.any(String) },
      });
    }));
});

describe("setProviderVisibilityAction", () => {
  it("changes who may see the profile, and says when nothing changed", () =>
    t.inTransaction(async (db) => {
      const cara = await newCustomer(db);
      as(cara.actor);
      const visibilityOf = async () =>
        (
          await db.select({ v: customers.providerVisibility }).from(customers).where(eq(customers.id, cara.customerId))
        )[0]!.v;

      expect(await setProviderVisibilityAction(null, formData({ visibility: "private" }))).toMatchObject({
        ok: true,
        data: { visibility: "private", changed: true },
      });
      expect(await visibilityOf()).toBe("private");
      expect(await setProviderVisibilityAction(null, formData({ visibility: "private" }))).toMatchObject({
        ok: true,
        data: { changed: false },
      });

      const invalid = await setProviderVisibilityAction(null, formData({ visibility: "friends" }));
      expect(invalid).toMatchObject({ ok: false, error: { fieldErrors: { visibility: [expect.any(String)] } } });
      expect(await visibilityOf()).toBe("private");
    }));

  it("refuses an account without a customer profile", () =>
    t.inTransaction(async (db) => {
      as((await newProvider(db)).actor);
      const result = await setProviderVisibilityAction(null, formData({ visibility: "public" }));
      expect(result).toMatchObject({ ok: false, error: { reason: "not_a_customer" } });
    }));
});
