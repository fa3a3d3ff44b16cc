/**
 * People and jobs for this concept's tests (not a test file itself): customers, provider
 * businesses with an owner and a staff member, a platform admin, each with the Actor the database
 * resolves for them, and a booked job, all created in the caller's transaction through the real
 * write paths. (Route tests call the handlers through test/route-harness.ts.)
 */
import { count, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, eventOutbox, providerInteractions } from "@/db/schema";
import { resolveActor, type UserActor } from "@/lib/auth/actor";
import { createSecretiveCustomer } from "@/lib/provider-profile/fixtures";
import { addMember, createBusiness, createCustomer, createUser } from "@/test/factories";
import type { PostJobInput } from "./inputs";
import { acceptApplication, applyToJob, postJob } from "./jobs";

export type CustomerPerson = { actor: UserActor; userId: string; customerId: string };
export type ProviderPerson = { actor: UserActor; staff: UserActor; userId: string; businessId: string };

export async function newCustomer(db: Database): Promise<CustomerPerson> {
  const user = await createUser(db, { name: "Cara Customer" });
  const customer = await createCustomer(db, user.id);
  return { actor: (await resolveActor(db, user.id)) as UserActor, userId: user.id, customerId: customer.id };
}

/**
 * A customer whose private details are the distinctive SECRET values of
 * lib/provider-profile/fixtures.ts (first name Zelda), so a test finds a leak by searching a body
 * for each of them.
 */
export async function secretiveCustomer(db: Database): Promise<CustomerPerson> {
  const { user, customer } = await createSecretiveCustomer(db);
  return { actor: (await resolveActor(db, user.id)) as UserActor, userId: user.id, customerId: customer.id };
}

/** A marketplace provider business with an owner (`actor`) and a staff member (`staff`). */
export async function newProvider(
  db: Database,
  values: { isMarketplaceProvider?: boolean } = {},
): Promise<ProviderPerson> {
  const owner = await createUser(db, { name: "Pat Provider" });
  const business = await createBusiness(db, { isMarketplaceProvider: values.isMarketplaceProvider ?? true }, owner.id);
  const member = await createUser(db, { name: "Sam Staff" });
  await addMember(db, business.id, member.id, "staff");
  return {
    actor: (await resolveActor(db, owner.id, { businessId: business.id })) as UserActor,
    staff: (await resolveActor(db, member.id, { businessId: business.id })) as UserActor,
    userId: owner.id,
    businessId: business.id,
  };
}

export async function newAdmin(db: Database): Promise<UserActor> {
  const user = await createUser(db, { name: "Ada Admin", isPlatformAdmin: true });
  return (await resolveActor(db, user.id)) as UserActor;
}

const PLAIN_JOB: PostJobInput = { title: "Paint the hall", category: "Painting", description: "One wall." };

/** A job `customer` posted (`job`, or a plain one) and booked with `provider`, the one applicant. */
export async function bookedJob(
  db: Database,
  customer: CustomerPerson,
  provider: ProviderPerson,
  job: PostJobInput = PLAIN_JOB,
) {
  const { job_id: jobId } = await postJob(db, customer.actor, job);
  const { application_id: applicationId } = await applyToJob(db, provider.actor, jobId, { message: "Hi" });
  await acceptApplication(db, customer.actor, jobId, applicationId);
  return { jobId, applicationId };
}

/**
 * How many audit rows, events and provider interactions the caller's transaction has written:
 * the rows stamped with its now() (pg and neon share one database, where other files commit rows
 * meanwhile, so a plain count would not do).
 */
export async function writtenInTransaction(db: Database) {
  const stamped = (
    column: typeof auditLog.createdAt | typeof eventOutbox.occurredAt | typeof providerInteractions.lastAt,
  ) =>
    db
      .select({ n: count() })
      .from(column.table)
      .where(sql`${column} = now()`)
      .then((rows) => rows[0]!.n);
  return {
    audit: await stamped(auditLog.createdAt),
    events: await stamped(eventOutbox.occurredAt),
    interactions: await stamped(providerInteractions.lastAt),
  };
}
