/** GET: one customer record. PATCH: update it (rate-limited per user and per record). DELETE: soft-delete it. */
import { updateRecordInput } from "@/lib/crm/records/inputs";
import { deleteRecord, updateRecord } from "@/lib/crm/records/mutations";
import { getRecord } from "@/lib/crm/records/queries";
import { clientIp } from "@/lib/http/client-ip";
import { route } from "@/lib/http/route";
import { recordParams } from "@/lib/crm/inputs";

export const GET = route({ params: recordParams }, ({ db, actor, params }) =>
  getRecord(db, actor, params.businessId, params.customerId),
);

// The record's edit limit is charged by updateRecord after the guard (per user, per record, per IP).
export const PATCH = route(
  { params: recordParams, body: updateRecordInput, rateLimit: { policy: "crmRecordEdit", chargedBy: "handler" } },
  ({ db, actor, params, body, req }) =>
    updateRecord(db, actor, params.businessId, params.customerId, body, { ip: clientIp(req.headers) }),
);

export const DELETE = route({ params: recordParams }, ({ db, actor, params }) =>
  deleteRecord(db, actor, params.businessId, params.customerId),
);
