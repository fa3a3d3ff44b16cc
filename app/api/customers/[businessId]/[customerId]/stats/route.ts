/** GET: the record's stats in the seed's shape (total_orders, total_appointments, lifetime_value, last_order_date). */
import { route } from "@/lib/http/route";
import { getRecordStats } from "@/lib/crm/purchases/queries";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams }, ({ db, actor, params }) => getRecordStats(db, actor, params));
