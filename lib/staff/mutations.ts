/**
 * Adding, re-roling and removing staff. Every change goes through the policy: staff.manage on the
 * acting business, the role ladder and "always one owner" (assertCanAssignRole, assertCanChangeMember),
 * all inside one transaction holding the business lock (./lock.ts). Each change writes its audit
 * rows (lib/audit) and its domain event (lib/events) in that same transaction, so neither the trail
 * nor other systems can miss a change or hear of one that rolled back.
 */
import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations, memberships, users, type StaffRole } from "@/db/schema";
import { emailMatches } from "@/lib/accounts/email";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { assertCanAssignRole, assertCanChangeMember, requireBusiness } from "@/lib/authz/policy";
import { conflict, notFound } from "@/lib/errors";
import { type AddStaffResultDto, memberRoleDto, type MemberRoleDto, addStaffResultDto } from "./dto";
import type { AddStaffInput } from "./inputs";
import { INVITATION_TTL_MS, invitationUrl, newInvitationToken, hashInvitationToken } from "./tokens";
import { lockBusinessForStaffChange } from "./lock";

/**
 * Staff join only by consent: whoever the email belongs to gets an invitation link, which joins them
 * once the account with that address accepts it (./invitations.ts). The answer is the same whether
 * the address has an account or not (same status, same fields, no name), so adding staff neither
 * makes a person a member nor tells the caller who has an account. A current member's address is
 * refused (already_a_member): the caller can see the team already, so that reveals nothing new.
 */
export async function addStaff(
  db: Database,
  actor: Actor,
  input: AddStaffInput,
  origin: string,
): Promise<AddStaffResultDto> {
  const { user, business } = requireBusiness(actor, "staff.manage");
  const businessId = business.businessId;
  return db.transaction(async (tx) => {
    const actorRole = await lockBusinessForStaffChange(tx, businessId, user.userId);
    assertCanAssignRole(actorRole, null, input.role);

    const [member] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.businessId, businessId)))
      .where(emailMatches(users.email, input.email));
    if (member) throw conflict("That person is already a member of this business.", "already_a_member");

    // One live invitation per email: a new one replaces any earlier link that was not used.
    const replaced = await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.businessId, businessId),
          emailMatches(invitations.email, input.email),
          isNull(invitations.acceptedAt),
        ),
      )
      .returning({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
      });
    for (const { id, ...before } of replaced) {
      await recordChange(tx, user, { businessId, entity: { type: "invitation", id }, action: "delete", before });
    }
    const token = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        businessId,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: user.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    // The email is redacted by default; the token's hash is not recorded at all.
    await recordChange(tx, user, {
      businessId,
      entity: { type: "invitation", id: invitation!.id },
      action: "create",
      after: { email: input.email, role: input.role, expiresAt, invitedByUserId: user.userId },
    });
    return addStaffResultDto.parse({
      status: "invited",
      invitation_id: invitation!.id,
      email: input.email,
      role: input.role,
      invitation_url: invitationUrl(origin, token),
      expires_at: expiresAt.toISOString(),
    });
  });
}

export async function changeStaffRole(
  db: Database,
  actor: Actor,
  memberUserId: string,
  role: StaffRole,
): Promise<MemberRoleDto> {
  const { user, business } = requireBusiness(actor, "staff.manage");
  const businessId = business.businessId;
  return db.transaction(async (tx) => {
    const current = await authorizeMemberChange(tx, businessId, user.userId, memberUserId, role);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, memberUserId)));
    await recordChange(tx, user, {
      businessId,
      entity: { type: "membership", id: memberUserId },
      action: "update",
      before: { role: current },
      after: { role },
      // Like the audit rows, not published when the role stays the same.
      event: {
        type: "v1.staff.role_changed",
        data: { user_id: memberUserId, previous_role: current, role, changed_by: user.userId },
      },
    });
    return memberRoleDto.parse({ user_id: memberUserId, role });
  });
}

export async function removeStaff(db: Database, actor: Actor, memberUserId: string): Promise<void> {
  const { user, business } = requireBusiness(actor, "staff.manage");
  const businessId = business.businessId;
  await db.transaction(async (tx) => {
    const current = await authorizeMemberChange(tx, businessId, user.userId, memberUserId, null);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, memberUserId)));
    await recordChange(tx, user, {
      businessId,
      entity: { type: "membership", id: memberUserId },
      action: "delete",
      before: { role: current },
      event: {
        type: "v1.staff.removed",
        data: {
          user_id: memberUserId,
          previous_role: current,
          removed_by: user.userId,
        },
      },
    });
  });
}

/**
 * Under the business lock: may the actor move this member to `next` (null: remove them)? Returns
 * the member's current role, read under the lock, which is what the audit trail records as before.
 */
async function authorizeMemberChange(
  tx: Database,
  businessId: string,
  actorUserId: string,
  memberUserId: string,
  next: StaffRole | null,
): Promise<StaffRole> {
  const actorRole = await lockBusinessForStaffChange(tx, businessId, actorUserId);
  const current = await memberRole(tx, businessId, memberUserId);
  assertCanChangeMember(actorRole, current, next, await ownerCount(tx, businessId));
  return current;
}

async function memberRole(tx: Database, businessId: string, userId: string): Promise<StaffRole> {
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.userId, userId)));
  if (!member) throw notFound("That staff member");
  return member.role;
}

async function ownerCount(tx: Database, businessId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}
