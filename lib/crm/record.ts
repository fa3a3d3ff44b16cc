/**
 * One customer record of a business, found by the business and the id together: another business's
 * record (or an id that does not exist) is "not found", whoever asks. Every CRM sub-concept (records,
 * notes, tags, preferences, purchases, avatar) starts its change here.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers } from "@/db/schema";
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
