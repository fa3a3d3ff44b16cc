/**
 * Who is making this request, resolved once per request from the session and the database.
 * Memberships are read fresh (one indexed query), so a removed staff member loses access at once
 * even while their JWT still lists the business. The session the JWT names (`sid`) is checked in
 * the same statement, so a session ended by sign-out, "sign out everywhere", a password change,
 * suspension or expiry stops working at once, at no extra round trip (docs/security.md).
 * The business a member of several acts for is chosen here, under the policy's rules
 * (lib/authz/policy.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { sessions } from "@/db/schema";
import { actingFor, membershipOf } from "@/lib/authz/policy";
import { type Membership, type UserActor, type AnonymousActor, anonymous } from "./actor";
import { liveSession } from "./sessions";

type Row = {
  id: string;
  email: string;
  name: string;
  is_platform_admin: boolean;
  customer_id: string | null;
  memberships: Membership[];
};

/** How stale sessions.last_seen_at may get before a request refreshes it (a write at most this often). */
export const LAST_SEEN_RESOLUTION = "5 minutes";

const columns = sql`u.id, u.email, u.name, u.is_platform_admin, c.id as customer_id,
      coalesce((
        select json_agg(json_build_object(
          'businessId', b.id, 'businessName', b.name, 'role', m.role,
          'isMarketplaceProvider', b.is_marketplace_provider) order by m.created_at, b.id)
        from memberships m join businesses b on b.id = m.business_id
        where m.user_id = u.id), '[]'::json) as memberships`;

// Every request runs it, so it is rendered once and prepared (db/prepared.ts): no planning per request.
// `live` is the session, if it is neither revoked nor expired; without it the join yields no row.
// `seen` refreshes last_seen_at only when it is older than LAST_SEEN_RESOLUTION, so nearly every
// request writes nothing, and one that does still makes this single round trip.
const sessionActorStatement = preparedStatement<{ userId: string; sessionId: string }, Row>(
  "request_actor",
  sql`
    with live as (
      select ${sessions.id} as id, ${sessions.lastSeenAt} as last_seen_at from ${sessions}
      where ${sessions.id} = ${sql.placeholder("sessionId")} and ${sessions.userId} = ${sql.placeholder("userId")}
        and ${liveSession}
    ), seen as (
      update sessions set last_seen_at = now()
      where id = (select id from live where last_seen_at < now() - interval '${sql.raw(LAST_SEEN_RESOLUTION)}')
    )
    select ${columns}
    from users u join live on true left join customers c on c.user_id = u.id
    where u.id = ${sql.placeholder("userId")} and u.suspended_at is null`,
);

// For code that already knows who the person is (sign-in, once the password checked; tests):
// no session to check, but a suspended account still resolves to nobody.
const accountStatement = preparedStatement<{ userId: string }, Row>(
  "account_actor",
  sql`
    select ${columns}
    from users u left join customers c on c.user_id = u.id
    where u.id = ${sql.placeholder("userId")} and u.suspended_at is null`,
);

type Requested = { businessId?: string | null; strict?: boolean };

/**
 * The actor of a request that came with the session `sessionId` of `userId`: anonymous unless the
 * session is live and the account is neither gone nor suspended. `requested.businessId` comes from
 * the `X-Business-Id` header (API clients) or the switcher cookie (pages); without one, the oldest
 * membership is used.
 */
export async function resolveSessionActor(
  db: Database,
  session: { userId: string; sessionId: string },
  requested: Requested = {},
): Promise<UserActor | AnonymousActor> {
  const [row] = await sessionActorStatement(db, session);
  if (!row) return anonymous;
  return choose({ ...toActor(row), sessionId: session.sessionId }, requested);
}

/**
 * The account `userId` as an actor, without a session (sign-in, scripts, tests). A user no longer
 * in the database, or suspended, resolves to anonymous. Requests go through resolveSessionActor.
 */
export async function resolveActor(
  db: Database,
  userId: string,
  requested: Requested = {},
): Promise<UserActor | AnonymousActor> {
  const [row] = await accountStatement(db, { userId });
  if (!row) return anonymous;
  return choose(toActor(row), requested);
}

function toActor(row: Row): UserActor {
  return {
    kind: "user",
    userId: row.id,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.is_platform_admin,
    customerId: row.customer_id,
    memberships: row.memberships,
    business: row.memberships[0] ?? null,
  };
}

function choose(user: UserActor, { businessId, strict }: Requested): UserActor {
  if (!businessId) return user;
  // An explicit header naming a foreign business is refused; a stale cookie falls back to the default.
  if (strict) return actingFor(user, businessId, "context");
  const chosen = membershipOf(user, businessId);
  return chosen ? { ...user, business: chosen } : user;
}
