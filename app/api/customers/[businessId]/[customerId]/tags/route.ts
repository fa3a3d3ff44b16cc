/** POST: tag a record with a label from the business's tag list (created on first use; 201). */
import { addTagInput } from "@/lib/crm/tags/inputs";
import { addTag } from "@/lib/crm/tags/mutations";
import { created, route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const POST = route({ params: recordParams, body: addTagInput }, async ({ db, actor, params, body }) =>
  created(await addTag(db, actor, params.businessId, params.customerId, body)),
);
