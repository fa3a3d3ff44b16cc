/**
 * Rows for this concept's tests (not a test file itself). Everything is created in the caller's
 * transaction, which the test rolls back; the route handlers are called directly with the test's
 * database standing in for getDb (see test/route-harness.ts).
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customerReviews, jobs, profileStats, providerInteractions, type ProviderVisibility } from "@/db/schema";
import { countJobCategory } from "@/lib/marketplace/stats";
import { createBusiness, createCustomer, createUser } from "@/test/factories";

/** A customer whose private details are distinctive, so a leak is found by searching the JSON. */
export const SECRET = {
  email: "zelda-leakcheck-7q@example.test",
  phone: "+1 555 0199 7731",
  lastName: "Quixotefieldz",
  line1: "742 Evergreenleak Terrace",
  city: "Springfieldzq",
  postalCode: "90999-7731",
  stripeCustomerId: "cus_LEAKCHECK7731",
};

export async function createMarketplaceCustomer(
  db: Database,
  visibility: ProviderVisibility,
  values: Partial<Parameters<typeof createCustomer>[2]> = {},
) {
  const user = await createUser(db, { name: "Customer Person" });
  const customer = await createCustomer(db, user.id, { providerVisibility: visibility, ...values });
  return { user, customer };
}

/** The customer with private details set everywhere a leak could come from. */
export async function createSecretiveCustomer(db: Database, visibility: ProviderVisibility = "public") {
  const user = await createUser(db, { email: SECRET.email, name: `Zelda ${SECRET.lastName}` });
  const customer = await createCustomer(db, user.id, {
    firstName: "Zelda",
    lastName: SECRET.lastName,
    phone: SECRET.phone,
    providerVisibility: visibility,
    stripeCustomerId: SECRET.stripeCustomerId,
    shippingAddress: { line1: SECRET.line1, city: SECRET.city, postalCode: SECRET.postalCode, country: "US" },
  });
  return { user, customer };
}

/** A marketplace provider business with an owner account. */
export async function createProvider(db: Database, name?: string) {
  const owner = await createUser(db, { name: "Provider Owner" });
  const business = await createBusiness(db, { isMarketplaceProvider: true, ...(name && { name }) }, owner.id);
  return { owner, business };
}

export async function createJob(
  db: Database,
  customerId: string,
  values: Partial<typeof jobs.$inferInsert> = {},
): Promise<typeof jobs.$inferSelect> {
  const [job] = await db
    .insert(jobs)
    .values({ customerId, title: "A job", category: "House cleaning", description: "Clean it", ...values })
    .returning();
  // Counted as posting counts it, so the profile's top categories see the job.
  await countJobCategory(db, customerId, job!.category);
  return job!;
}

/** That `businessId` has dealt with the customer (applied to one of their jobs). */
export async function recordInteraction(db: Database, businessId: string, customerId: string) {
  const job = await createJob(db, customerId);
  await db
    .insert(providerInteractions)
    .values({ providerBusinessId: businessId, customerId, kind: "job_application", jobId: job.id });
}

export type ReviewSpec = {
  rating: number;
  /** A timestamptz literal, to the microsecond if wanted. */
  at: string;
  visible?: boolean;
  comment?: string;
  category?: string;
};

/** Reviews by `businessId`, each on a job of its own (one review per provider per job). */
export async function insertReviews(db: Database, customerId: string, businessId: string, specs: ReviewSpec[]) {
  if (specs.length === 0) return [];
  const jobRows = await db
    .insert(jobs)
    .values(
      specs.map((s) => ({
        customerId,
        title: "Done",
        category: s.category ?? "House cleaning",
        description: "-",
        status: "completed" as const,
        // Posted when it was reviewed: old reviews do not add jobs to the last six months.
        createdAt: sql`${s.at}::timestamptz`,
      })),
    )
    .returning({ id: jobs.id });
  for (const spec of specs) await countJobCategory(db, customerId, spec.category ?? "House cleaning");
  return db
    .insert(customerReviews)
    .values(
      specs.map((s, i) => ({
        jobId: jobRows[i]!.id,
        customerId,
        providerBusinessId: businessId,
        rating: s.rating,
        comment: s.comment ?? `review ${i}`,
        jobCategory: s.category ?? "House cleaning",
        isVisible: s.visible ?? true,
        createdAt: sql`${s.at}::timestamptz`,
      })),
    )
    .returning({ id: customerReviews.id });
}

/** What the write side keeps in profile_stats; tests state it directly. */
export async function setProfileStats(
  db: Database,
  customerId: string,
  values: { completed?: number; cancelled?: number; histogram?: [number, number, number, number, number] },
) {
  const [r1, r2, r3, r4, r5] = values.histogram ?? [0, 0, 0, 0, 0];
  await db.insert(profileStats).values({
    customerId,
    jobsCompleted: values.completed ?? 0,
    jobsCancelled: values.cancelled ?? 0,
    rating1Count: r1,
    rating2Count: r2,
    rating3Count: r3,
    rating4Count: r4,
    rating5Count: r5,
  });
}
