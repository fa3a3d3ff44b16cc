/** POST: tag many records at once (1-100), with an outcome per record. */
import { bulkTagInput } from "@/lib/crm/tags/inputs";
import { bulkTag } from "@/lib/crm/tags/mutations";
import { route } from "@/lib/http/route";
import { businessParams } from "@/lib/crm/inputs";

export const POST = route({ params: businessParams, body: bulkTagInput }, ({ db, actor, params, body }) =>
  bulkTag(db, actor, params.businessId, body),
);
