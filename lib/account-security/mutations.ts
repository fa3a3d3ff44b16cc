/**
 * Ending sessions: "sign out everywhere", a password change (which ends every other session) and a
 * platform administrator's suspension (which ends them all and keeps the account out). Each is
 * audited on the account (`user` / its id, no business) in the transaction that ends the sessions;
 * the next request of an ended session is anonymous (lib/auth/resolve-actor.ts).
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/sessions";
import { requirePlatformAdmin, requireUser } from "@/lib/authz/policy";
import { iso } from "@/lib/dto";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { sessionsEndedDto, type SessionsEndedDto, suspensionDto, type SuspensionDto } from "./dto";
import type { ChangePasswordInput } from "./inputs";

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhere(db: Database, actor: Actor): Promise<SessionsEndedDto> {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const ended = await endSessionsOf(tx, user.userId);
    await recordChange(tx, user, {
      businessId: null,
      entity: { type: "user", id: user.userId },
      action: "end_sessions",
    });
    return sessionsEndedDto.parse({ ended_sessions: ended });
  });
}

/**
 * Checks the current password, sets the new one and ends every other session: whoever copied a
 * session (or learnt the old password) is out, and the person stays signed in here.
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<SessionsEndedDto> {
  const user = requireUser(actor);
  const [account] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.userId));
  if (!(await verifyPassword(account?.passwordHash, input.current_password))) {
    throw badRequest("Your current password is not right.", {
      current_password: ["That is not your current password."],
    });
  }
  const passwordHash = await hashPassword(input.new_password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.userId));
    const ended = await endSessionsOf(tx, user.userId, user.sessionId);
    // The hash is recorded as changed, its values redacted (lib/audit/values.ts).
    await recordChange(tx, user, {
      businessId: null,
      entity: { type: "user", id: user.userId },
      action: "update",
      before: { passwordHash: account!.passwordHash },
      after: { passwordHash },
    });
    return sessionsEndedDto.parse({ ended_sessions: ended });
  });
}

/** A platform administrator suspends an account (ending every session of it) or lifts the suspension. */
export async function setSuspension(
  db: Database,
  actor: Actor,
  userId: string,
  suspended: boolean,
): Promise<SuspensionDto> {
  const admin = requirePlatformAdmin(actor);
  if (admin.userId === userId) {
    throw forbidden("own_account", "You cannot suspend or reinstate your own account.");
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ suspendedAt: users.suspendedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!before) throw notFound("That account");
    const [after] = await tx
      .update(users)
      // Suspending a suspended account keeps the time it was first suspended.
      .set({ suspendedAt: suspended ? sql`coalesce(${users.suspendedAt}, now())` : null })
      .where(eq(users.id, userId))
      .returning({ suspendedAt: users.suspendedAt });
    const ended = suspended ? await endSessionsOf(tx, userId) : 0;
    await recordChange(tx, admin, {
      businessId: null,
      entity: { type: "user", id: userId },
      action: "update",
      before,
      after: after!,
    });
    return suspensionDto.parse({
      user_id: userId,
      suspended: after!.suspendedAt !== null,
      suspended_at: iso(after!.suspendedAt),
      ended_sessions: ended,
    });
  });
}
