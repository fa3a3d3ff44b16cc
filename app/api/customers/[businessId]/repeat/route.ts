/** GET: the business's repeat customers (2+ purchases), most valuable first (lib/crm/directory). */
import { route } from "@/lib/http/route";
import { repeatCustomersQuery } from "@/lib/crm/directory/inputs";
import { listRepeatCustomers } from "@/lib/crm/directory/repeat";
import { businessParams } from "@/lib/crm/inputs";

export const GET = route({ params: businessParams, query: repeatCustomersQuery }, ({ db, actor, params, query }) =>
  listRepeatCustomers(db, actor, params.businessId, query),
);
