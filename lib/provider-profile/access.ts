/**
 * Loading a customer for a provider, with the access decision. Who is asking is checked before the
 * database is read (so a non-provider cannot probe which customers exist), then one indexed query
 * reads the customer and, only for a restricted profile, whether the acting provider business has
 * an interaction on record; lib/authz decides. The last name is read as its initial only, so the
 * full name never leaves the database on this path.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, providerInteractions } from "@/db/schema";
import type { Actor, Membership, UserActor } from "@/lib/auth/actor";
import { assertMayViewCustomerProfile, requireProvider, visibilitiesFor } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";

export type ViewableCustomer = {
  id: string;
  firstName: string;
  lastInitial: string;
  displayName: string | null;
  avatarUrl: string | null;
  createdAt: Date;
};

export type ProviderScope = { user: UserActor; business: Membership };

/**
 * Whether the provider business has an interaction on record with the customer (a row of
 * `customers` in scope), read only for the visibilities whose audience needs it.
 * provider_interactions_key (customer_id, provider_business_id, kind, job_id) answers the exists.
 */
export function hasInteractionSql(businessId: string): SQL<boolean> {
  return sql<boolean>`(${inArray(customers.providerVisibility, visibilitiesFor("interacted"))} and exists (select 1 from ${providerInteractions} where ${and(
    eq(providerInteractions.customerId, customers.id),
    eq(providerInteractions.providerBusinessId, businessId),
  )}))`;
}

/** PROFILE_AUDIENCE (lib/authz/policy.ts) in SQL, for a statement that must act only where it allows. */
export function mayViewSql(visibility: SQL, hasInteraction: SQL): SQL<boolean> {
  const oneOf = (options: string[]) =>
    options.length === 0 ? sql`false` : sql`${visibility}::text in (${sql.join(options.map((o) => sql`${o}`), sql`, `)})`;
  return sql<boolean>`(${oneOf(visibilitiesFor("any_provider"))} or (${oneOf(visibilitiesFor("interacted"))} and ${hasInteraction}))`;
}

export async function loadViewableCustomer(
  db: Database,
  actor: Actor,
  customerId: string,
): Promise<{ customer: ViewableCustomer; provider: ProviderScope }> {
  const businessId = requireProvider(actor).business.businessId;
  const [row] = await db
    .select({
      id: customers.id,
      firstName: customers.firstName,
      lastInitial: sql<string>`left(${customers.lastName}, 1)`,
      displayName: customers.displayName,
      avatarUrl: customers.avatarUrl,
      createdAt: customers.createdAt,
      visibility: customers.providerVisibility,
      hasInteraction: hasInteractionSql(businessId),
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw notFound("That customer");
  const { visibility, hasInteraction, ...customer } = row;
  const provider = assertMayViewCustomerProfile(actor, { visibility }, hasInteraction === true);
  return { customer, provider };
}
