/**
 * Loading a customer for a provider, with the access decision. Who is asking is checked before the
 * database is read (so a non-provider cannot probe which customers exist), then one indexed query
 * reads the customer and, only for a restricted profile, whether the acting provider business has
 * an interaction on record; lib/authz decides. The last name is read as its initial only, so the
 * full name never leaves the database on this path.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { customers, providerInteractions } from "@/db/schema";
import type { Actor, Membership, UserActor } from "@/lib/auth/actor";
import { assertMayViewCustomerProfile, requireProvider } from "@/lib/authz/policy";
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

export async function loadViewableCustomer(
  db: Database,
  actor: Actor,
  customerId: string,
): Promise<{ customer: ViewableCustomer; provider: ProviderScope }> {
  const businessId = requireProvider(actor).business.businessId;
  // provider_interactions_key (customer_id, provider_business_id, kind, job_id) answers the exists.
  const interacted = sql<boolean>`exists (select 1 from ${providerInteractions} where ${and(
    eq(providerInteractions.customerId, customers.id),
    eq(providerInteractions.providerBusinessId, businessId),
  )})`;
  const [row] = await db
    .select({
      id: customers.id,
      firstName: customers.firstName,
      lastInitial: sql<string>`left(${customers.lastName}, 1)`,
      displayName: customers.displayName,
      avatarUrl: customers.avatarUrl,
      createdAt: customers.createdAt,
      visibility: customers.providerVisibility,
      hasInteraction: sql<boolean>`(${customers.providerVisibility} = 'restricted' and ${interacted})`,
    })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!row) throw notFound("That customer");
  const { visibility, hasInteraction, ...customer } = row;
  const provider = assertMayViewCustomerProfile(actor, { visibility }, hasInteraction === true);
  return { customer, provider };
}
