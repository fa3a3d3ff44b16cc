/**
 * The words of the visibility setting match the rule. Each interaction kind the schema knows is
 * named in the `restricted` words, and each one, alone, opens a restricted profile to that provider
 * business on the database (the rule the profile and review routes apply), while a business with
 * none is refused. Opening the customer's open job, which any provider may do, is enough, as the
 * words warn. The /me options show exactly these words.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, interactionKind, providerInteractions, type ProviderVisibility } from "@/db/schema";
import { PROFILE_AUDIENCE } from "@/lib/authz/policy";
import { getJob } from "@/lib/marketplace/jobs/queries";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { assertMayViewCustomer } from "@/lib/provider-profile/access";
import { VISIBILITY_OPTIONS } from "@/components/customer/visibility-options";
import { refusalOf } from "@/test/factories";
import { testDatabase, type TestDatabase } from "@/test/db";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { audienceForCustomer, audienceRules, OPENING_INTERACTIONS, openedBy } from "./audience";
import { setProviderVisibility } from "./visibility";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const VISIBILITIES = Object.keys(PROFILE_AUDIENCE) as ProviderVisibility[];

describe("the visibility setting's words", () => {
  it("are the words /me shows, one option per visibility", () => {
    expect(VISIBILITY_OPTIONS.map((o) => o.value).sort()).toEqual([...VISIBILITIES].sort());
    for (const option of VISIBILITY_OPTIONS) expect(option.body).toBe(audienceForCustomer(option.value));
  });

  it("name every interaction kind under restricted, and none under public or private", () => {
    expect([...OPENING_INTERACTIONS].sort()).toEqual([...interactionKind.enumValues].sort());
    const restricted = audienceForCustomer("restricted");
    for (const kind of interactionKind.enumValues) {
      expect(restricted).toContain(openedBy(kind));
      expect(audienceRules()).toContain(openedBy(kind, { possessive: "their", object: "them" }));
    }
    expect(restricted).toMatch(/^Only providers who have /);
    expect(restricted).toContain("any provider browsing open jobs can open yours");
    expect(audienceForCustomer("public")).toMatch(/^Every provider/);
    expect(audienceForCustomer("private")).toMatch(/^No provider/);
    expect(audienceRules()).toMatch(/^`public`, any provider; `restricted`, only .*; `private`, no provider$/);
  });
});

describe("the rule the words describe", () => {
  it.each(interactionKind.enumValues)("opens a restricted profile to a business after one %s", (kind) =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      await db.update(customers).set({ providerVisibility: "restricted" }).where(eq(customers.id, cara.customerId));
      const job = await postJob(db, cara.actor, { title: "Job", category: "Plumbing", description: "-" });
      const dealt = await newProvider(db);
      const stranger = await newProvider(db);
      await db.insert(providerInteractions).values({
        providerBusinessId: dealt.businessId,
        customerId: cara.customerId,
        kind,
        jobId: job.job_id,
      });
      await expect(assertMayViewCustomer(db, dealt.staff, cara.customerId)).resolves.toBeTruthy();
      expect((await refusalOf(assertMayViewCustomer(db, stranger.actor, cara.customerId))).details.reason).toBe(
        "no_interaction",
      );
    }),
  );

  it("opens a restricted profile to any provider that opens the customer's open job, as the words warn", () =>
    t.rollback(async (db) => {
      const cara = await newCustomer(db);
      await setProviderVisibility(db, cara.actor, "restricted");
      const job = await postJob(db, cara.actor, { title: "Job", category: "Plumbing", description: "-" });
      const browsing = await newProvider(db);
      expect((await refusalOf(assertMayViewCustomer(db, browsing.actor, cara.customerId))).details.reason).toBe(
        "no_interaction",
      );
      await getJob(db, browsing.actor, job.job_id);
      await expect(assertMayViewCustomer(db, browsing.actor, cara.customerId)).resolves.toBeTruthy();
    }));
});
