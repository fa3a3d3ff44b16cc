/** Reading a business's staff: members and invitations not yet accepted. Scoped to the acting business. */
import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireBusiness } from "@/lib/authz/policy";
import { type StaffListDto, staffListDto } from "./dto";

export async function listStaff(db: Database, actor: Actor): Promise<StaffListDto> {
  const { business } = requireBusiness(actor, "staff.read");
  const businessId = business.businessId;
  const [members, pending] = await Promise.all([
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.businessId, businessId))
      // staff_role is an enum declared owner, admin, manager, staff: ordering by it ranks them.
      .orderBy(asc(memberships.role), asc(memberships.createdAt), asc(users.id)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.businessId, businessId),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(asc(invitations.createdAt)),
  ]);
  return staffListDto.parse({
    business_id: businessId,
    members: members.map((m) => ({
      user_id: m.userId,
      email: m.email,
      name: m.name,
      role: m.role,
      joined_at: m.joinedAt.toISOString(),
    })),
    pending_invitations: pending.map((i) => ({
      invitation_id: i.id,
      email: i.email,
      role: i.role,
      expires_at: i.expiresAt.toISOString(),
    })),
  });
}
