/** POST: tag a record with a label from the business's tag list (created on first use; 201). */
import { addTagInput, recordTagsParams } from "@/lib/crm/tags/inputs";
import { addTag } from "@/lib/crm/tags/mutations";
import { created, route } from "@/lib/http/route";

export const POST = route({ params: recordTagsParams, body: addTagInput }, async ({ db, actor, params, body }) =>
  created(await addTag(db, actor, params.businessId, params.customerId, body)),
);
