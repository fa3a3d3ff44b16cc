/** GET: the business's repeat customers (2+ purchases), most valuable first (lib/crm/directory). */
import { route } from "@/lib/http/route";
import { directoryParams, repeatCustomersQuery } from "@/lib/crm/directory/inputs";
import { listRepeatCustomers } from "@/lib/crm/directory/repeat";

export const GET = route({ params: directoryParams, query: repeatCustomersQuery }, ({ db, actor, params, query }) =>
  listRepeatCustomers(db, actor, params.businessId, query),
);
