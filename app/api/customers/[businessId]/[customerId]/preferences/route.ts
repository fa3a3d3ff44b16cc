/** PATCH: set some of the record's contact preferences. */
import { preferencesInput } from "@/lib/crm/records/inputs";
import { updatePreferences } from "@/lib/crm/records/mutations";
import { route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const PATCH = route({ params: recordParams, body: preferencesInput }, ({ db, actor, params, body }) =>
  updatePreferences(db, actor, params.businessId, params.customerId, body),
);
