/**
 * What account endpoints send back. Every field is named here; nothing else reaches a response.
 */
import { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { staffRoleSchema as role } from "@/lib/staff/inputs";

export const registeredCustomerDto = z.strictObject({ user_id: z.uuid(), customer_id: z.uuid() });
export const registeredProviderDto = z.strictObject({ user_id: z.uuid(), business_id: z.uuid() });
export const registerResponseDto = z.union([registeredCustomerDto, registeredProviderDto]);
export type RegisterResponse = z.infer<typeof registerResponseDto>;

export const membershipDto = z.strictObject({
  business_id: z.uuid(),
  name: z.string(),
  role,
  is_marketplace_provider: z.boolean(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

export const meDto = z.strictObject({
  user_id: z.uuid(),
  email: z.string(),
  name: z.string(),
  is_platform_admin: z.boolean(),
  customer_id: z.uuid().nullable(),
  acting_business: membershipDto.nullable(),
  memberships: z.array(membershipDto),
});
export type MeDto = z.infer<typeof meDto>;

/** Checked as part of meDto, which toMeDto parses whole. */
function toMembershipDto(m: UserActor["memberships"][number]): MembershipDto {
  return {
    business_id: m.businessId,
    name: m.businessName,
    role: m.role,
    is_marketplace_provider: m.isMarketplaceProvider,
  };
}

export function toMeDto(user: UserActor): MeDto {
  return meDto.parse({
    user_id: user.userId,
    email: user.email,
    name: user.name,
    is_platform_admin: user.isPlatformAdmin,
    customer_id: user.customerId,
    acting_business: user.business ? toMembershipDto(user.business) : null,
    memberships: user.memberships.map(toMembershipDto),
  });
}
