/** PATCH: change a member's role. DELETE: remove them from the business (204). */
import { actForBusiness } from "@/lib/accounts/acting-business";
import { route } from "@/lib/http/route";
import { changeRoleInput, memberParams } from "@/lib/staff/inputs";
import { changeStaffRole, removeStaff } from "@/lib/staff/mutations";

export const PATCH = route({ params: memberParams, body: changeRoleInput }, ({ db, actor, params, body }) =>
  changeStaffRole(db, actForBusiness(actor, params.businessId), params.userId, body.role),
);

export const DELETE = route({ params: memberParams }, async ({ db, actor, params }) => {
  await removeStaff(db, actForBusiness(actor, params.businessId), params.userId);
  return new Response(null, { status: 204 });
});
