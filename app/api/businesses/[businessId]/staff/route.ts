/** GET: the business's staff and pending invitations. POST: invite someone by email (201, the same for any email). */
import { actingFor } from "@/lib/authz/policy";
import { created, route } from "@/lib/http/route";
import { addStaffInput, businessParams } from "@/lib/staff/inputs";
import { addStaff } from "@/lib/staff/mutations";
import { listStaff } from "@/lib/staff/queries";
import { publicUrl } from "@/lib/http/public-url";

export const GET = route({ params: businessParams }, ({ db, actor, params }) =>
  listStaff(db, actingFor(actor, params.businessId, "path")),
);

export const POST = route({ params: businessParams, body: addStaffInput }, async ({ db, actor, params, body }) =>
  created(await addStaff(db, actingFor(actor, params.businessId, "path"), body, publicUrl())),
);
