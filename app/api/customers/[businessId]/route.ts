/**
 * GET: the business's customer records, filtered and sorted, a keyset page at a time (lib/crm/directory).
 * POST: create a customer record of the business (201).
 */
import { listCustomers } from "@/lib/crm/directory/list";
import { customerListQuery } from "@/lib/crm/directory/inputs";
import { createRecordInput } from "@/lib/crm/records/inputs";
import { createRecord } from "@/lib/crm/records/mutations";
import { created, route } from "@/lib/http/route";
import { businessParams } from "@/lib/crm/inputs";

export const GET = route({ params: businessParams, query: customerListQuery }, ({ db, actor, params, query }) =>
  listCustomers(db, actor, params.businessId, query),
);

export const POST = route({ params: businessParams, body: createRecordInput }, async ({ db, actor, params, body }) =>
  created(await createRecord(db, actor, params.businessId, body)),
);
