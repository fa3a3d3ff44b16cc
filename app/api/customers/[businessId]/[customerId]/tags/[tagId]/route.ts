/** DELETE: take a tag off a record (the tag stays in the business's list); answers the record's tags. */
import { recordTagParams } from "@/lib/crm/tags/inputs";
import { removeTag } from "@/lib/crm/tags/mutations";
import { route } from "@/lib/http/route";

export const DELETE = route({ params: recordTagParams }, ({ db, actor, params }) =>
  removeTag(db, actor, params.businessId, params.customerId, params.tagId),
);
