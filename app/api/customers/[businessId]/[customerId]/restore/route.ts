/** POST: restore a soft-deleted customer record. */
import { recordParams } from "@/lib/crm/records/inputs";
import { restoreRecord } from "@/lib/crm/records/mutations";
import { route } from "@/lib/http/route";

export const POST = route({ params: recordParams }, ({ db, actor, params }) =>
  restoreRecord(db, actor, params.businessId, params.customerId),
);
