/** GET: the record's purchases and appointments together, newest first, in keyset pages. */
import { route } from "@/lib/http/route";
import { historyQuery } from "@/lib/crm/purchases/inputs";
import { getRecordHistory } from "@/lib/crm/purchases/queries";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams, query: historyQuery }, ({ db, actor, params, query }) =>
  getRecordHistory(db, actor, params, query),
);
