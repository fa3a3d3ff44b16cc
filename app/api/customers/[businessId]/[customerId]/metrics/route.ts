/** GET: the record's purchase metrics and loyalty tier. */
import { route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/purchases/inputs";
import { getRecordMetrics } from "@/lib/crm/purchases/queries";

export const GET = route({ params: recordParams }, ({ db, actor, params }) => getRecordMetrics(db, actor, params));
