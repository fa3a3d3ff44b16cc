/**
 * The directory's record summaries: the columns every page reads, the tags of a page's records in
 * one query, and the DTO built from both. Everything is scoped to the business.
 */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, crmCustomerTags, crmCustomers as c, crmTags } from "@/db/schema";
import { iso } from "@/lib/dto";
import { decimalOf, frequencyOf } from "@/lib/crm/metrics";
import type { CustomerSummaryDto } from "./dto";
import { avatarUrl } from "@/lib/crm/avatar/url";

/** The columns of a summary, for a drizzle select over crm_customers. */
export const summaryColumns = (businessId: string) => ({
  id: c.id,
  fullName: c.fullName,
  email: c.email,
  phone: c.phone,
  customerType: c.customerType,
  avatarKey: c.avatarKey,
  purchaseCount: c.purchaseCount,
  totalSpentMinor: c.totalSpentMinor,
  lastPurchaseAt: c.lastPurchaseAt,
  createdAt: c.createdAt,
  deletedAt: c.deletedAt,
  // One lookup for the whole statement (an InitPlan), not one per row.
  currency: sql<string>`(select ${businesses.currency} from ${businesses} where ${businesses.id} = ${businessId})`,
});

export type SummaryRow = {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  customerType: CustomerSummaryDto["customer_type"];
  avatarKey: string | null;
  purchaseCount: number;
  totalSpentMinor: number;
  lastPurchaseAt: Date | string | null;
  createdAt: Date | string;
  deletedAt: Date | string | null;
  currency: string;
};

type Tag = CustomerSummaryDto["tags"][number];

/** The tags of these records (of this business), by record, each record's in label order. */
export async function tagsOf(db: Database, businessId: string, recordIds: string[]): Promise<Map<string, Tag[]>> {
  const byRecord = new Map<string, Tag[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .select({ recordId: crmCustomerTags.crmCustomerId, id: crmTags.id, label: crmTags.name, color: crmTags.color })
    .from(crmCustomerTags)
    .innerJoin(crmTags, and(eq(crmTags.id, crmCustomerTags.tagId), eq(crmTags.businessId, businessId)))
    .where(and(eq(crmCustomerTags.businessId, businessId), inArray(crmCustomerTags.crmCustomerId, recordIds)))
    .orderBy(asc(sql`lower(${crmTags.name})`), asc(crmTags.id));
  for (const { recordId, ...tag } of rows) {
    const list = byRecord.get(recordId) ?? [];
    list.push(tag);
    byRecord.set(recordId, list);
  }
  return byRecord;
}

export function summaryOf(businessId: string, row: SummaryRow, tags: Map<string, Tag[]>): CustomerSummaryDto {
  const spent = Number(row.totalSpentMinor);
  return {
    id: row.id,
    full_name: row.fullName,
    name: row.fullName,
    email: row.email,
    phone: row.phone,
    customer_type: row.customerType,
    is_active: row.deletedAt === null,
    avatar_url: avatarUrl(businessId, row.id, row.avatarKey),
    tags: tags.get(row.id) ?? [],
    total_purchases: row.purchaseCount,
    total_spent_minor: spent,
    total_spent: decimalOf(spent, row.currency),
    currency: row.currency,
    last_purchase_at: iso(row.lastPurchaseAt),
    repeat_frequency: frequencyOf(row.purchaseCount),
    created_at: iso(row.createdAt),
  };
}
