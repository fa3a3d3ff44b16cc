/**
 * Who is making this request, resolved once per request from the session and the database.
 * Memberships are read fresh (one indexed query), so a removed staff member loses access at once
 * even while their JWT still lists the business. The business a member of several acts for is
 * chosen here, under the policy's rules (lib/authz/policy.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { actingFor, membershipOf } from "@/lib/authz/policy";
import { type Membership, type UserActor, type AnonymousActor, anonymous } from "./actor";

type Row = {
  id: string;
  email: string;
  name: string;
  is_platform_admin: boolean;
  customer_id: string | null;
  memberships: Membership[];
};
// Every request runs it, so it is rendered once and prepared (db/prepared.ts): no planning per request.
const actorStatement = preparedStatement<{ userId: string }, Row>(
  "request_actor",
  sql`
    select u.id, u.email, u.name, u.is_platform_admin, c.id as customer_id,
      coalesce((
        select json_agg(json_build_object(
          'businessId', b.id, 'businessName', b.name, 'role', m.role,
          'isMarketplaceProvider', b.is_marketplace_provider) order by m.created_at, b.id)
        from memberships m join businesses b on b.id = m.business_id
        where m.user_id = u.id), '[]'::json) as memberships
    from users u left join customers c on c.user_id = u.id
    where u.id = ${sql.placeholder("userId")}`,
);
/**
 * Loads the account and its memberships in one round trip. `requestedBusinessId` comes from the
 * `X-Business-Id` header (API clients) or the switcher cookie (pages); without one, the oldest
 * membership is used. A user no longer in the database resolves to anonymous.
 */
export async function resolveActor(
  db: Database,
  userId: string,
  requested: { businessId?: string | null; strict?: boolean } = {},
): Promise<UserActor | AnonymousActor> {
  const [row] = await actorStatement(db, { userId });
  if (!row) return anonymous;
  const user: UserActor = {
    kind: "user",
    userId: row.id,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.is_platform_admin,
    customerId: row.customer_id,
    memberships: row.memberships,
    business: row.memberships[0] ?? null,
  };
  const { businessId, strict } = requested;
  if (!businessId) return user;
  // An explicit header naming a foreign business is refused; a stale cookie falls back to the default.
  if (strict) return actingFor(user, businessId, "context");
  const chosen = membershipOf(user, businessId);
  return chosen ? { ...user, business: chosen } : user;
}
