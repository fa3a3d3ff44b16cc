/** GET: the record's purchase metrics and loyalty tier. */
import { route } from "@/lib/http/route";
import { getRecordMetrics } from "@/lib/crm/purchases/queries";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams }, ({ db, actor, params }) => getRecordMetrics(db, actor, params));
