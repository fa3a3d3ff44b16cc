/**
 * Checks an email and password and returns what the session needs, or null; a suspended account is
 * refused like a wrong password. A right password starts a session (its id goes into the JWT).
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { emailMatches } from "@/lib/accounts/email";
import { resolveActor } from "./resolve-actor";
import { verifyPassword } from "./password";
import { startSession } from "./sessions";

export async function authenticate(db: Database, email: string, password: string, userAgent: string | null = null) {
  const [account] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(emailMatches(users.email, email))
    .limit(1);
  if (!(await verifyPassword(account?.passwordHash, password)) || !account) return null;

  const [actor] = await Promise.all([
    resolveActor(db, account.id),
    db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, account.id)),
  ]);
  if (actor.kind !== "user") return null;
  return {
    id: actor.userId,
    sessionId: await startSession(db, actor.userId, userAgent),
    email: actor.email,
    name: actor.name,
    isPlatformAdmin: actor.isPlatformAdmin,
    customerId: actor.customerId,
    memberships: actor.memberships.map(({ businessId, role }) => ({ businessId, role })),
  };
}
