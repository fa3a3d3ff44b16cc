/**
 * Who may see and change a record's avatar, and the record as that actor may reach it. Readers are
 * crmReader's (lib/authz/policy.ts): staff of the business, or the person the record is about. A
 * change needs crm.write from staff (owner, admin, manager; staff are refused with
 * insufficient_role), while the person themselves may change their own avatar at every business.
 * For the person the query filters on the record's customer_id, so another record, or their own
 * once deleted, is not found.
 */
import "server-only";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { crmReader, requireCrm, type CrmReader } from "@/lib/authz/policy";
import { RECORD_NOT_FOUND, type CrmRecordRow } from "@/lib/crm/record";
import { conflict, notFound } from "@/lib/errors";

/** The reader scope, for GET. */
export const avatarReader = (actor: Actor, businessId: string): CrmReader => crmReader(actor, businessId);

/** The writer scope, for POST and DELETE: the person themselves, or staff with crm.write. */
export function avatarWriter(actor: Actor, businessId: string): CrmReader {
  const reader = crmReader(actor, businessId);
  if (reader.kind === "self") return reader;
  const { user, business } = requireCrm(actor, businessId, "crm.write");
  return { kind: "staff", user, businessId, role: business.role };
}

/**
 * The record in the scope, or 404. `live` refuses a deleted record (409 record_deleted for staff,
 * who can see and restore it; the person never finds it); `lock` takes its row lock.
 */
export async function recordInScope(
  db: Database,
  scope: CrmReader,
  recordId: string,
  { live = false, lock = false }: { live?: boolean; lock?: boolean } = {},
): Promise<CrmRecordRow> {
  const where: SQL[] = [eq(crmCustomers.businessId, scope.businessId), eq(crmCustomers.id, recordId)];
  if (scope.kind === "self") where.push(eq(crmCustomers.customerId, scope.customerId), isNull(crmCustomers.deletedAt));
  const query = db
    .select()
    .from(crmCustomers)
    .where(and(...where));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound(RECORD_NOT_FOUND);
  if (live && row.deletedAt) throw conflict("This customer record is deleted. Restore it first.", "record_deleted");
  return row;
}
