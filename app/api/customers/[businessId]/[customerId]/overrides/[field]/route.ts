/** DELETE: revert one overridden contact field of a linked record to the person's own value. */
import { overrideParams } from "@/lib/crm/records/inputs";
import { revertOverride } from "@/lib/crm/records/mutations";
import { route } from "@/lib/http/route";

export const DELETE = route({ params: overrideParams }, ({ db, actor, params }) =>
  revertOverride(db, actor, params.businessId, params.customerId, params.field),
);
