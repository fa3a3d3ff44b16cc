/** GET: the business's staff and pending invitations. POST: add a member by email, or invite them (201). */
import { actForBusiness } from "@/lib/accounts/acting-business";
import { created, route } from "@/lib/http/route";
import { addStaffInput, businessParams } from "@/lib/staff/inputs";
import { addStaff } from "@/lib/staff/mutations";
import { listStaff } from "@/lib/staff/queries";
import { originFromHeaders } from "@/lib/staff/request-origin";

export const GET = route({ params: businessParams }, ({ db, actor, params }) =>
  listStaff(db, actForBusiness(actor, params.businessId)),
);

export const POST = route({ params: businessParams, body: addStaffInput }, async ({ db, actor, params, body, req }) =>
  created(await addStaff(db, actForBusiness(actor, params.businessId), body, originFromHeaders(req.headers))),
);
