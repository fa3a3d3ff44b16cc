/** What staff endpoints send back; every field is named here. */
import { z } from "zod";
import { staffRoleSchema as role } from "./inputs";

export const staffMemberDto = z.strictObject({
  user_id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  joined_at: z.iso.datetime(),
});
export type StaffMemberDto = z.infer<typeof staffMemberDto>;

export const pendingInvitationDto = z.strictObject({
  invitation_id: z.uuid(),
  email: z.string(),
  role,
  expires_at: z.iso.datetime(),
});
export type PendingInvitationDto = z.infer<typeof pendingInvitationDto>;

export const staffListDto = z.strictObject({
  business_id: z.uuid(),
  members: z.array(staffMemberDto),
  pending_invitations: z.array(pendingInvitationDto),
});
export type StaffListDto = z.infer<typeof staffListDto>;

/**
 * Adding staff always answers with an invitation link to pass on (shown once; only its hash is
 * stored), whether or not the address has an account: the person joins when they accept it.
 */
export const invitationCreatedDto = z.strictObject({
  status: z.literal("invited"),
  invitation_id: z.uuid(),
  email: z.string(),
  role,
  invitation_url: z.url(),
  expires_at: z.iso.datetime(),
});
export const addStaffResultDto = invitationCreatedDto;
export type AddStaffResultDto = z.infer<typeof addStaffResultDto>;

export const memberRoleDto = z.strictObject({ user_id: z.uuid(), role });
export type MemberRoleDto = z.infer<typeof memberRoleDto>;

export const invitationPreviewDto = z.strictObject({
  business_name: z.string(),
  email: z.string(),
  role,
  status: z.enum(["pending", "accepted", "expired"]),
  expires_at: z.iso.datetime(),
});
export type InvitationPreviewDto = z.infer<typeof invitationPreviewDto>;

export const invitationAcceptedDto = z.strictObject({ business_id: z.uuid(), business_name: z.string(), role });
export type InvitationAcceptedDto = z.infer<typeof invitationAcceptedDto>;
