/**
 * Whether a provider may look at a customer's profile, read from the database. Who is asking is
 * checked before the database is read (so a non-provider cannot probe which customers exist), then
 * one indexed statement reads the customer's visibility and, only for a restricted profile,
 * whether the acting provider business has an interaction on record; lib/authz decides. The
 * profile itself folds the same facts into its one statement (./profile.ts) through the SQL
 * helpers here; the review pages ask first (assertMayViewCustomer).
 */
import "server-only";
import { and, eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { customers, providerInteractions, type ProviderVisibility } from "@/db/schema";
import type { Actor, Membership, UserActor } from "@/lib/auth/actor";
import { assertMayViewCustomerProfile, requireProvider, visibilitiesFor } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";

export type ProviderScope = { user: UserActor; business: Membership };

/**
 * Whether the provider business has an interaction on record with the customer (a row of
 * `customers` in scope), read only for the visibilities whose audience needs it.
 * provider_interactions_key (customer_id, provider_business_id, kind, job_id) answers the exists.
 */
export function hasInteractionSql(businessId: string | Placeholder): SQL<boolean> {
  return sql<boolean>`(${inArray(customers.providerVisibility, visibilitiesFor("interacted"))} and exists (select 1 from ${providerInteractions} where ${and(
    eq(providerInteractions.customerId, customers.id),
    eq(providerInteractions.providerBusinessId, businessId),
  )}))`;
}

/** PROFILE_AUDIENCE (lib/authz/policy.ts) in SQL, for a statement that must act only where it allows. */
export function mayViewSql(visibility: SQL, hasInteraction: SQL): SQL<boolean> {
  const oneOf = (options: string[]) =>
    options.length === 0
      ? sql`false`
      : sql`${visibility}::text in (${sql.join(
          options.map((o) => sql`${o}`),
          sql`, `,
        )})`;
  return sql<boolean>`(${oneOf(visibilitiesFor("any_provider"))} or (${oneOf(visibilitiesFor("interacted"))} and ${hasInteraction}))`;
}

const accessStatement = preparedStatement<
  { customerId: string; businessId: string },
  { visibility: ProviderVisibility; has_interaction: boolean }
>(
  "profile_access",
  sql`select ${customers.providerVisibility} as visibility, ${hasInteractionSql(sql.placeholder("businessId"))} as has_interaction
      from ${customers} where ${customers.id} = ${sql.placeholder("customerId")}`,
);

/** Throws unless the actor may view the customer's profile (404 for an unknown customer); returns who is looking. */
export async function assertMayViewCustomer(db: Database, actor: Actor, customerId: string): Promise<ProviderScope> {
  const businessId = requireProvider(actor).business.businessId;
  const [row] = await accessStatement(db, { customerId, businessId });
  if (!row) throw notFound("That customer");
  return assertMayViewCustomerProfile(actor, { visibility: row.visibility }, row.has_interaction === true);
}
