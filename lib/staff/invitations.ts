/**
 * Accepting a staff invitation. The token is the authority to see what it invites to; joining
 * additionally needs the signed-in account whose email the invitation was sent to. Accepting is
 * audited in its transaction: the invitation's acceptance and, when it made one, the new membership.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, invitations, memberships } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/authz/policy";
import { conflict, forbidden, notFound } from "@/lib/errors";
import {
  invitationAcceptedDto,
  type InvitationAcceptedDto,
  type InvitationPreviewDto,
  invitationPreviewDto,
} from "./dto";
import { hashInvitationToken } from "./tokens";

/** What the link invites to, for the invitation page; anyone holding the token may read it. */
export async function getInvitationPreview(db: Database, _actor: Actor, token: string): Promise<InvitationPreviewDto> {
  const [row] = await db
    .select({
      businessName: businesses.name,
      email: invitations.email,
      role: invitations.role,
      acceptedAt: invitations.acceptedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(businesses, eq(businesses.id, invitations.businessId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw notFound("That invitation");
  return invitationPreviewDto.parse({
    business_name: row.businessName,
    email: row.email,
    role: row.role,
    status: row.acceptedAt ? "accepted" : row.expiresAt <= new Date() ? "expired" : "pending",
    expires_at: row.expiresAt.toISOString(),
  });
}

export async function acceptInvitation(db: Database, actor: Actor, token: string): Promise<InvitationAcceptedDto> {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    // Locked, so the same link cannot be redeemed twice by two concurrent requests.
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInvitationToken(token)))
      .for("update");
    if (!invitation) throw notFound("That invitation");
    // Checked first, so someone else holding the link learns nothing about its state.
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw forbidden(
        "invitation_email_mismatch",
        "This invitation was sent to a different email address. Sign in as that account to accept it.",
      );
    }
    if (invitation.acceptedAt) throw conflict("This invitation has already been used.", "invitation_used");
    if (invitation.expiresAt <= new Date()) {
      throw conflict("This invitation has expired. Ask for a new one.", "invitation_expired");
    }

    // Someone who is already a member keeps their role: an invitation never changes an existing one.
    const joinedNow = await tx
      .insert(memberships)
      .values({ businessId: invitation.businessId, userId: user.userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    const [accepted] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedByUserId: user.userId })
      .where(eq(invitations.id, invitation.id))
      .returning({ acceptedAt: invitations.acceptedAt, acceptedByUserId: invitations.acceptedByUserId });
    const businessId = invitation.businessId;
    await recordChange(tx, user, {
      businessId,
      entity: { type: "invitation", id: invitation.id },
      action: "accept",
      before: { acceptedAt: invitation.acceptedAt, acceptedByUserId: invitation.acceptedByUserId },
      after: accepted,
    });
    // Every member joins this way. `via: "direct"` stays in the event's schema for consumers of
    // events published before staff had to consent.
    if (joinedNow.length > 0) {
      await recordChange(tx, user, {
        businessId,
        entity: { type: "membership", id: user.userId },
        action: "create",
        after: { role: invitation.role },
        event: {
          type: "v1.staff.added",
          data: {
            user_id: user.userId,
            role: invitation.role,
            via: "invitation",
            added_by: invitation.invitedByUserId,
          },
        },
      });
    }
    const [joined] = await tx
      .select({ role: memberships.role, name: businesses.name })
      .from(memberships)
      .innerJoin(businesses, eq(businesses.id, memberships.businessId))
      .where(and(eq(memberships.businessId, invitation.businessId), eq(memberships.userId, user.userId)));
    return invitationAcceptedDto.parse({
      business_id: invitation.businessId,
      business_name: joined!.name,
      role: joined!.role,
    });
  });
}
