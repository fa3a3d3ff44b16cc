/** PATCH: set some of the record's contact preferences. */
import { preferencesInput, recordParams } from "@/lib/crm/records/inputs";
import { updatePreferences } from "@/lib/crm/records/mutations";
import { route } from "@/lib/http/route";

export const PATCH = route({ params: recordParams, body: preferencesInput }, ({ db, actor, params, body }) =>
  updatePreferences(db, actor, params.businessId, params.customerId, body),
);
