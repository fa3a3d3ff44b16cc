/** The home pages' data: each is scoped to what the policy returns and refused to everyone else. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, crmCustomers, jobApplications, jobs, profileViews } from "@/db/schema";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { cancelJob, postJob } from "@/lib/marketplace/jobs/mutations";
import { testDatabase, type TestDatabase } from "@/test/db";
import { addMember, createBusiness, createCustomer, createUser } from "@/test/factories";
import { getAdminOverview } from "./admin-overview";
import { getCrmHome } from "./crm-home";
import { getCustomerHome } from "./customer-home";
import { getProviderHome } from "./provider-home";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const reason = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: unknown) => (e instanceof AppError ? (e.details.reason ?? e.code) : Promise.reject(e)),
  );

describe("getCrmHome", () => {
  it("counts and lists only the acting business's live records", () =>
    t.rollback(async (db) => {
      const owner = (await createUser(db)).id;
      const mine = (await createBusiness(db, {}, owner)).id;
      const other = (await createBusiness(db, {}, (await createUser(db)).id)).id;
      await db.insert(crmCustomers).values([
        { businessId: mine, fullName: "Ann", createdAt: new Date("2026-01-01T00:00:00Z") },
        { businessId: mine, fullName: "Cy", createdAt: new Date("2026-02-01T00:00:00Z") },
        { businessId: mine, fullName: "Ben", deletedAt: new Date() },
        { businessId: other, fullName: "Zed" },
      ]);
      const home = await getCrmHome(db, await resolveActor(db, owner, { businessId: mine }));
      expect(home.customer_count).toBe(2);
      expect(home.recent_customers.map((c) => c.full_name)).toEqual(["Cy", "Ann"]);
    }));

  it("is refused without an acting business", () =>
    t.rollback(async (db) => {
      expect(await reason(getCrmHome(db, await resolveActor(db, (await createUser(db)).id)))).toBe("no_business");
      expect(await reason(getCrmHome(db, { kind: "anonymous" }))).toBe("unauthorized");
    }));
});

describe("getCustomerHome", () => {
  it("shows the customer's own profile and the counts their profile keeps, zero included", () =>
    t.rollback(async (db) => {
      const userId = (await createUser(db)).id;
      await createCustomer(db, userId);
      const actor = await resolveActor(db, userId);
      const otherCustomer = (await createCustomer(db, (await createUser(db)).id)).id;
      // Six jobs posted through the marketplace (which keeps the profile's counters), one of them
      // cancelled; someone else's job does not count.
      const posted = [];
      for (const n of [1, 2, 3, 4, 5, 6]) {
        posted.push(await postJob(db, actor, { title: `Job ${n}`, category: "Plumbing", description: "Leaks" }));
      }
      await cancelJob(db, actor, posted[0]!.job_id);
      await db
        .insert(jobs)
        .values({ customerId: otherCustomer, title: "Paint", category: "painting", description: "Walls" });
      // Someone else's profile view is not theirs to count.
      const provider = (await createBusiness(db, { isMarketplaceProvider: true }, (await createUser(db)).id)).id;
      await db.insert(profileViews).values({ customerId: otherCustomer, providerBusinessId: provider });
      const home = await getCustomerHome(db, actor);
      expect(home).toMatchObject({ first_name: "Cara", provider_visibility: "public" });
      expect(home.counts).toEqual({ jobs_posted: 6, open_jobs: 5, orders: 0, reviews_received: 0, profile_views: 0 });
    }));

  it("is refused to an account without a customer profile", () =>
    t.rollback(async (db) => {
      expect(await reason(getCustomerHome(db, await resolveActor(db, (await createUser(db)).id)))).toBe(
        "not_a_customer",
      );
    }));
});

describe("getProviderHome", () => {
  it("is for members of provider businesses only", () =>
    t.rollback(async (db) => {
      const owner = (await createUser(db)).id;
      const provider = (await createBusiness(db, { isMarketplaceProvider: true }, owner)).id;
      await addMember(db, provider, (await createUser(db)).id, "staff");
      const rival = (await createBusiness(db, { isMarketplaceProvider: true }, (await createUser(db)).id)).id;
      const customerId = (await createCustomer(db, (await createUser(db)).id)).id;
      // Dated in the future, so on the shared database these are the newest open jobs of all.
      const job = (day: number, status: "open" | "booked" = "open") => ({
        customerId,
        title: `Job ${day}`,
        category: "gardening",
        description: "Hedges",
        status,
        createdAt: new Date(`2099-01-0${day}T00:00:00Z`),
      });
      const posted = await db
        .insert(jobs)
        .values([1, 2, 3, 4, 5, 6].map((day) => job(day)).concat(job(7, "booked")))
        .returning({ id: jobs.id, title: jobs.title });
      const [first, second] = posted;
      const applications = await db
        .insert(jobApplications)
        .values([
          { jobId: first!.id, providerBusinessId: provider, message: "Mine" },
          { jobId: first!.id, providerBusinessId: rival, message: "Theirs" },
          { jobId: second!.id, providerBusinessId: rival, message: "Theirs too" },
        ])
        .returning({ id: jobApplications.id });
      await db
        .insert(bookings)
        .values({ jobId: second!.id, applicationId: applications[2]!.id, providerBusinessId: rival, customerId });

      const home = await getProviderHome(db, await resolveActor(db, owner, { businessId: provider }));
      expect(home.counts.staff).toBe(2);
      expect(home.role).toBe("owner");
      expect(home.counts).toMatchObject({ applications: 1, bookings: 0 });
      expect(home.latest_open_jobs.map((j) => j.title)).toEqual(["Job 6", "Job 5", "Job 4", "Job 3", "Job 2"]);

      const shopOwner = (await createUser(db)).id;
      const shop = (await createBusiness(db, {}, shopOwner)).id;
      expect(await reason(getProviderHome(db, await resolveActor(db, shopOwner, { businessId: shop })))).toBe(
        "not_a_provider",
      );
    }));
});

describe("getAdminOverview", () => {
  it.each([
    ["a platform admin", true, "allowed"],
    ["anyone else", false, "not_platform_admin"],
  ])("%s: %s", (_, admin, expected) =>
    t.rollback(async (db) => {
      const actor: Actor = await resolveActor(db, (await createUser(db, { isPlatformAdmin: admin })).id);
      expect(await reason(getAdminOverview(db, actor))).toBe(expected);
      if (admin) {
        // Counted, not made up: this test's own account is among them.
        const overview = await getAdminOverview(db, actor);
        expect(overview.users).toBeGreaterThanOrEqual(1);
        expect(overview.admins).toBeGreaterThanOrEqual(1);
        expect(overview.users).toBeGreaterThanOrEqual(overview.admins);
      }
    }),
  );
});
