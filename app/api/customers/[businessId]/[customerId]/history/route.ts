/** GET: the record's purchases and appointments together, newest first, in keyset pages. */
import { route } from "@/lib/http/route";
import { historyQuery, recordParams } from "@/lib/crm/purchases/inputs";
import { getRecordHistory } from "@/lib/crm/purchases/queries";

export const GET = route({ params: recordParams, query: historyQuery }, ({ db, actor, params, query }) =>
  getRecordHistory(db, actor, params, query),
);
