/**
 * Staff changes for one business are serialised on the business row, so two owners demoting each
 * other at the same moment cannot both succeed and leave the business without an owner. Inside
 * that lock the acting member's role is re-read: it may have changed since the request began.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, memberships, type StaffRole } from "@/db/schema";
import { forbidden, notFound } from "@/lib/errors";

export async function lockBusinessForStaffChange(
  tx: Database,
  businessId: string,
  actorUserId: string,
): Promise<StaffRole> {
  const [business] = await tx
    .select({ id: businesses.id })
    .from(businesses)
    .where(eq(businesses.id, businessId))
    .for("update");
  if (!business) throw notFound("That business");
  const [me] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, actorUserId)));
  if (!me) throw forbidden("not_a_member", "You are no longer a member of this business.");
  return me.role;
}
