/** PATCH: change a member's role. DELETE: remove them from the business (204). */
import { actingFor } from "@/lib/authz/policy";
import { route } from "@/lib/http/route";
import { changeRoleInput, memberParams } from "@/lib/staff/inputs";
import { changeStaffRole, removeStaff } from "@/lib/staff/mutations";

export const PATCH = route({ params: memberParams, body: changeRoleInput }, ({ db, actor, params, body }) =>
  changeStaffRole(db, actingFor(actor, params.businessId, "path"), params.userId, body.role),
);

export const DELETE = route({ params: memberParams }, async ({ db, actor, params }) => {
  await removeStaff(db, actingFor(actor, params.businessId, "path"), params.userId);
  return new Response(null, { status: 204 });
});
