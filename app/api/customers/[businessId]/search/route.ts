/** GET: the business's records whose name, email or phone contains `q`, best matches first (lib/crm/directory). */
import { route } from "@/lib/http/route";
import { customerSearchQuery } from "@/lib/crm/directory/inputs";
import { searchCustomers } from "@/lib/crm/directory/search";
import { businessParams } from "@/lib/crm/inputs";

export const GET = route({ params: businessParams, query: customerSearchQuery }, ({ db, actor, params, query }) =>
  searchCustomers(db, actor, params.businessId, query),
);
