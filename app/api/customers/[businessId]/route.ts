/** GET: the business's customer records, filtered and sorted, a keyset page at a time (lib/crm/directory). */
import { route } from "@/lib/http/route";
import { customerListQuery, directoryParams } from "@/lib/crm/directory/inputs";
import { listCustomers } from "@/lib/crm/directory/list";

export const GET = route({ params: directoryParams, query: customerListQuery }, ({ db, actor, params, query }) =>
  listCustomers(db, actor, params.businessId, query),
);
