/** POST: restore a soft-deleted customer record. */
import { restoreRecord } from "@/lib/crm/records/mutations";
import { route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const POST = route({ params: recordParams }, ({ db, actor, params }) =>
  restoreRecord(db, actor, params.businessId, params.customerId),
);
