/**
 * GET /api/customers/{businessId}: a business's customer records, filtered and sorted, a keyset
 * page at a time. Scoped in the WHERE clause to the business the path names (lib/authz checks the
 * actor is its staff with crm.read; another business is 404).
 *
 * Each sort walks its own index of the live records (drizzle/0011: name, last purchase, total
 * spent; created uses crm_customers_list_idx) from the cursor on, as one row comparison on
 * (sort key, id), and stops once the page is full: a deep page costs what the first does, and a
 * record inserted meanwhile lands before or after the cursor, never shifting the rows after it.
 * Never-purchased records sort as if their last purchase were at -infinity (last by default).
 * Filters are conditions on that walk; soft-deleted records (active=false, ~1%) come from their
 * own small index and are sorted.
 */
import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmCustomerTags, crmCustomers as c } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { keysetPage, microsText } from "@/lib/http/keyset";
import { REPEAT_AT, tierRange } from "@/lib/crm/metrics";
import { decodeListCursor, encodeListCursor, type ListPosition } from "./cursor";
import { customerPageDto, type CustomerPageDto } from "./dto";
import { DEFAULT_DIRECTION, type CustomerListQuery, type DirectorySort, type SortDirection } from "./inputs";
import { summaryColumns, summaryOf, tagsOf } from "./summaries";

/** The name in byte order, as crm_customers_name_idx holds it. */
export const nameKey = sql<string>`lower(${c.fullName}) collate "C"`;
/** The last purchase, never-purchased at -infinity, as crm_customers_last_purchase_idx holds it. */
const lastPurchaseKey = sql`coalesce(${c.lastPurchaseAt}, '-infinity'::timestamptz)`;

type SortSpec = {
  /** The key as the index holds it, for ORDER BY and the keyset comparison. */
  key: SQL;
  /** The key as the cursor writes it. */
  cursorValue: SQL;
  /** The cursor's key as SQL to compare with. */
  fromCursor: (key: ListPosition["key"]) => SQL;
};

const SORTS: Record<DirectorySort, SortSpec> = {
  name: { key: nameKey, cursorValue: nameKey, fromCursor: (k) => sql`(${k}::text collate "C")` },
  created: {
    key: sql`${c.createdAt}`,
    cursorValue: microsText(c.createdAt),
    fromCursor: (k) => sql`${k}::timestamptz`,
  },
  last_purchase: {
    key: lastPurchaseKey,
    cursorValue: sql`case when ${c.lastPurchaseAt} is null then null else ${microsText(c.lastPurchaseAt)} end`,
    fromCursor: (k) => sql`coalesce(${k}::timestamptz, '-infinity'::timestamptz)`,
  },
  total_spent: {
    key: sql`${c.totalSpentMinor}`,
    cursorValue: sql`${c.totalSpentMinor}`,
    fromCursor: (k) => sql`${k}::bigint`,
  },
};

/** The list's filters as conditions (besides the business and active). */
function filters(businessId: string, query: CustomerListQuery): (SQL | undefined)[] {
  const tier = query.tier ? tierRange(query.tier) : null;
  return [
    query.customer_type ? eq(c.customerType, query.customer_type) : undefined,
    query.tag
      ? sql`exists (select 1 from ${crmCustomerTags} where ${crmCustomerTags.crmCustomerId} = ${c.id}
          and ${crmCustomerTags.tagId} = ${query.tag} and ${crmCustomerTags.businessId} = ${businessId})`
      : undefined,
    tier ? gte(c.purchaseCount, tier.from) : undefined,
    tier?.to != null ? lt(c.purchaseCount, tier.to) : undefined,
    query.repeat === true ? gte(c.purchaseCount, REPEAT_AT) : undefined,
    query.repeat === false ? lt(c.purchaseCount, REPEAT_AT) : undefined,
  ];
}

/** The rows after `position` in the order of its sort and direction. */
function after(spec: SortSpec, direction: SortDirection, position: ListPosition | null): SQL | undefined {
  if (!position) return undefined;
  const op = sql.raw(direction === "asc" ? ">" : "<");
  return sql`(${spec.key}, ${c.id}) ${op} (${spec.fromCursor(position.key)}, ${position.id}::uuid)`;
}

/** The page's statement, unexecuted (the benchmark explains it): the rows after the cursor, one more than the page. */
export function listSelect(db: Database, businessId: string, query: CustomerListQuery) {
  const { sort, limit } = query;
  const direction = query.direction ?? DEFAULT_DIRECTION[sort];
  const spec = SORTS[sort];
  const position = query.cursor ? decodeListCursor(query.cursor, sort, direction) : null;
  const order = direction === "asc" ? asc : desc;
  return db
    .select({ ...summaryColumns(businessId), cursorKey: spec.cursorValue })
    .from(c)
    .where(
      and(
        eq(c.businessId, businessId),
        query.active ? isNull(c.deletedAt) : isNotNull(c.deletedAt),
        ...filters(businessId, query),
        after(spec, direction, position),
      ),
    )
    .orderBy(order(spec.key), order(c.id))
    .limit(limit + 1);
}

export async function listCustomers(
  db: Database,
  actor: Actor,
  businessId: string,
  query: CustomerListQuery,
): Promise<CustomerPageDto> {
  requireCrm(actor, businessId, "crm.read");
  const { sort, limit } = query;
  const direction = query.direction ?? DEFAULT_DIRECTION[sort];
  const rows = await listSelect(db, businessId, query);
  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeListCursor({
      sort,
      direction,
      key: sort === "total_spent" ? Number(last.cursorKey) : (last.cursorKey as string | null),
      id: last.id,
    }),
  );
  const tags = await tagsOf(
    db,
    businessId,
    page.map((r) => r.id),
  );
  return customerPageDto.parse({
    customers: page.map((row) => summaryOf(businessId, row, tags)),
    pagination,
  });
}
