/** POST: create a customer record of the business (201). */
import { createRecordInput, businessParams } from "@/lib/crm/records/inputs";
import { createRecord } from "@/lib/crm/records/mutations";
import { created, route } from "@/lib/http/route";

export const POST = route({ params: businessParams, body: createRecordInput }, async ({ db, actor, params, body }) =>
  created(await createRecord(db, actor, params.businessId, body)),
);
