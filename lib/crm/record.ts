/**
 * One customer record of a business, found by the business and the id together: another business's
 * record (or an id that does not exist) is "not found", whoever asks. Every CRM sub-concept (records,
 * notes, tags, preferences, purchases, avatar) starts its change here, and says what it changed
 * with the one v1.customer.updated builder below.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers } from "@/db/schema";
import type { AuditActor, ChangeEvent } from "@/lib/audit/record";
import { iso } from "@/lib/dto";
import { conflict, notFound } from "@/lib/errors";

export type CrmRecordRow = typeof crmCustomers.$inferSelect;

export const RECORD_NOT_FOUND = "That customer";

/** The record scoped to `businessId`, or 404. `lock` takes its row lock for the rest of the transaction. */
export async function findRecord(
  db: Database,
  businessId: string,
  recordId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<CrmRecordRow> {
  const query = db
    .select()
    .from(crmCustomers)
    .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, recordId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound(RECORD_NOT_FOUND);
  return row;
}

/** The record, locked for a change: a soft-deleted record is refused (409) until it is restored. */
export async function lockLiveRecord(db: Database, businessId: string, recordId: string): Promise<CrmRecordRow> {
  const row = await findRecord(db, businessId, recordId, { lock: true });
  if (row.deletedAt) throw conflict("This customer record is deleted. Restore it first.", "record_deleted");
  return row;
}

/**
 * The v1.customer.updated event of a change to a record's `fields` (their names in the API, never
 * their values), for recordChange: every CRM change that is not a create, a tag or a note says it so.
 */
export function customerUpdated(
  recordId: string,
  fields: string[],
  updatedAt: Date | string,
  by: AuditActor,
): Extract<ChangeEvent, { type: "v1.customer.updated" }> {
  return {
    type: "v1.customer.updated",
    data: {
      customer_id: recordId,
      fields_changed: fields,
      updated_at: iso(updatedAt),
      updated_by: by.kind === "user" ? by.userId : null,
    },
  };
}
