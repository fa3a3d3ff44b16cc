/**
 * GET /api/customers/{businessId}/repeat: the business's repeat customers (REPEAT_AT purchases or
 * more), most valuable first (total spent, then id, both descending), a keyset page at a time.
 * Walks crm_customers_spent_idx backwards from the cursor, filtering on the purchase count; most
 * records that spent much bought more than once, so the walk stops soon after the page is full.
 */
import "server-only";
import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomers as c } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { keysetPage } from "@/lib/http/keyset";
import { REPEAT_AT } from "@/lib/crm/metrics";
import { decodeRepeatCursor, encodeRepeatCursor } from "./cursor";
import { customerPageDto, type CustomerPageDto } from "./dto";
import type { RepeatCustomersQuery } from "./inputs";
import { summaryColumns, summaryOf, tagsOf } from "./summaries";

export async function listRepeatCustomers(
  db: Database,
  actor: Actor,
  businessId: string,
  query: RepeatCustomersQuery,
): Promise<CustomerPageDto> {
  requireCrm(actor, businessId, "crm.read");
  const { limit } = query;
  const position = query.cursor ? decodeRepeatCursor(query.cursor) : null;
  const rows = await db
    .select(summaryColumns(businessId))
    .from(c)
    .where(
      and(
        eq(c.businessId, businessId),
        isNull(c.deletedAt),
        gte(c.purchaseCount, REPEAT_AT),
        position ? sql`(${c.totalSpentMinor}, ${c.id}) < (${position.spent}::bigint, ${position.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(c.totalSpentMinor), desc(c.id))
    .limit(limit + 1);
  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeRepeatCursor({ spent: Number(last.totalSpentMinor), id: last.id }),
  );
  const tags = await tagsOf(
    db,
    businessId,
    page.map((r) => r.id),
  );
  return customerPageDto.parse({ customers: page.map((row) => summaryOf(businessId, row, tags)), pagination });
}
