/**
 * The customer directory at scale (`npm run bench -- crm`), on a world seeded with
 * `npm run db:seed -- --scale 100k` (or 1m): the business with the most records (the seed's large
 * business, 50k+) is searched and listed by its owner. For each search query it measures the SQL
 * statement alone (the figure) and the whole call (tags and DTO too); for each sort and
 * direction, the first page against a page 25,000 records deep (its cursor made from that row);
 * the repeat customers likewise. Then EXPLAIN (ANALYZE, BUFFERS) of each search and each deep page:
 * the indexes used, the rows the scans read, the buffers and the time.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { resolveActor } from "@/lib/auth/resolve-actor";
import type { UserActor } from "@/lib/auth/actor";
import { encodeListCursor, encodeRepeatCursor } from "@/lib/crm/directory/cursor";
import { DEFAULT_DIRECTION, DIRECTORY_SORTS, type DirectorySort, type SortDirection } from "@/lib/crm/directory/inputs";
import { listCustomers, listSelect } from "@/lib/crm/directory/list";
import { listRepeatCustomers } from "@/lib/crm/directory/repeat";
import { searchCustomers, searchRows, searchStatement, searchTerms } from "@/lib/crm/directory/search";
import { measure, type Figure } from "./measure";

/** Runs per figure: 300, or CRM_BENCH_RUNS. `npm run bench -- crm search` measures the searches only. */
const RUNS = Number(process.env.CRM_BENCH_RUNS ?? 300);
const SEARCH_ONLY = process.argv[3] === "search";
const LIMIT = 25;
const DEEP = 25_000;

/** The searches: 2 characters to a full name, email fragments, phone fragments of 3 digits and more. */
const QUERIES = [
  "an",
  "zq",
  "wi",
  "mit",
  "son",
  "hom", // 1,496 names: too few to fill a page within the walk, so also gathered (the costliest kind)
  "xyz",
  "brandon",
  "brandon mitchell",
  "mitchell.9",
  "@example",
  "555",
  "123",
  "907",
  "555 12",
  "(555) 595-1067",
];

type Big = { business_id: string; user_id: string; records: number };

async function largestBusiness(db: Database): Promise<{ actor: UserActor; businessId: string; records: number }> {
  const { rows } = await db.execute<Big>(sql`
    select c.business_id, m.user_id, c.records from
      (select business_id, count(*)::int as records from crm_customers group by 1 order by 2 desc limit 1) c
      join memberships m on m.business_id = c.business_id and m.role = 'owner' limit 1`);
  const big = rows[0];
  if (!big) throw new Error("No CRM records: seed the database with npm run db:seed -- --scale 100k.");
  const actor = (await resolveActor(db, big.user_id, { businessId: big.business_id })) as UserActor;
  return { actor, businessId: big.business_id, records: big.records };
}

/** The sort key of the row `DEEP` records into the live list, as the list's cursor writes it. */
const DEEP_KEY: Record<DirectorySort, string> = {
  name: `lower(full_name) collate "C"`,
  created: `created_at`,
  last_purchase: `coalesce(last_purchase_at, '-infinity'::timestamptz)`,
  total_spent: `total_spent_minor`,
};
const CURSOR_VALUE: Record<DirectorySort, string> = {
  name: `lower(full_name) collate "C"`,
  created: `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  last_purchase: `to_char(last_purchase_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  total_spent: `total_spent_minor`,
};

async function deepCursor(db: Database, businessId: string, sort: DirectorySort, direction: SortDirection) {
  const dir = direction === "asc" ? "asc" : "desc";
  const { rows } = await db.execute<{ k: string | number | null; id: string }>(
    sql.raw(`select ${CURSOR_VALUE[sort]} as k, id from crm_customers
      where business_id = '${businessId}' and deleted_at is null
      order by ${DEEP_KEY[sort]} ${dir}, id ${dir} offset ${DEEP} limit 1`),
  );
  const row = rows[0]!;
  return encodeListCursor({ sort, direction, key: sort === "total_spent" ? Number(row.k) : row.k, id: row.id });
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

export type PlanSummary = { statement: string; indexes: string; rows_read: number; buffers: number; ms: number };

/** EXPLAIN (ANALYZE, BUFFERS) of `statement`: the indexes its scans used, the rows they read, buffers, time. */
async function planOf(db: Database, name: string, statement: SQL): Promise<PlanSummary> {
  const { rows } = await db.execute<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
    sql`explain (analyze, buffers, format json) ${statement}`,
  );
  const [{ Plan: root, "Execution Time": ms }] = rows[0]!["QUERY PLAN"];
  const indexes = new Set<string>();
  let read = 0;
  const walk = (node: PlanNode) => {
    if (node["Index Name"]) indexes.add(node["Index Name"]);
    if (/Scan/.test(node["Node Type"]) && !/Bitmap Index|CTE Scan/.test(node["Node Type"])) {
      const loops = node["Actual Loops"] ?? 1;
      read += ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * loops;
      read += (node["Rows Removed by Index Recheck"] ?? 0) * loops;
    }
    node.Plans?.forEach(walk);
  };
  walk(root);
  return {
    statement: name,
    indexes: [...indexes].join(", ") || "(none)",
    rows_read: read,
    buffers: (root["Shared Hit Blocks"] ?? 0) + (root["Shared Read Blocks"] ?? 0),
    ms: Math.round(ms * 100) / 100,
  };
}

/** The plan of a search's one statement. */
const searchPlan = (db: Database, businessId: string, q: string) =>
  planOf(db, `search "${q}"`, searchStatement(businessId, searchTerms(q), null, LIMIT + 1));

export async function crmDirectorySuite(db: Database): Promise<Figure[]> {
  const { actor, businessId, records } = await largestBusiness(db);
  console.log(`The largest business has ${records.toLocaleString("en")} records; searched and listed by its owner.`);
  const figures: Figure[] = [];
  const plans: PlanSummary[] = [];

  for (const q of process.env.CRM_BENCH_QUERIES?.split(",") ?? QUERIES) {
    const terms = searchTerms(q);
    figures.push(await measure(`search "${q}": SQL`, RUNS, () => searchRows(db, businessId, terms, null, LIMIT + 1)));
    figures.push(
      await measure(`search "${q}": whole call`, RUNS, () =>
        searchCustomers(db, actor, businessId, { q, limit: LIMIT }),
      ),
    );
    plans.push(await searchPlan(db, businessId, q));
  }

  for (const sort of SEARCH_ONLY ? [] : DIRECTORY_SORTS) {
    for (const direction of ["asc", "desc"] as const) {
      const label = `list by ${sort} ${direction}${direction === DEFAULT_DIRECTION[sort] ? " (default)" : ""}`;
      const query = { sort, direction, active: true, limit: LIMIT };
      const cursor = await deepCursor(db, businessId, sort, direction);
      figures.push(await measure(`${label}: first page`, RUNS, () => listCustomers(db, actor, businessId, query)));
      figures.push(
        await measure(`${label}: ${DEEP.toLocaleString("en")} deep`, RUNS, () =>
          listCustomers(db, actor, businessId, { ...query, cursor }),
        ),
      );
      plans.push(await planOf(db, `${label}, ${DEEP} deep`, listSelect(db, businessId, { ...query, cursor }).getSQL()));
    }
  }
  if (SEARCH_ONLY) {
    console.table(plans);
    return figures;
  }
  const filtered = { sort: "name" as const, active: true, limit: LIMIT, repeat: true, customer_type: "vip" as const };
  figures.push(
    await measure("list by name, repeat vip: first page", RUNS, () => listCustomers(db, actor, businessId, filtered)),
  );

  const { rows } = await db.execute<{ k: number; id: string }>(sql`
    select total_spent_minor as k, id from crm_customers
    where business_id = ${businessId} and deleted_at is null and purchase_count >= 2
    order by total_spent_minor desc, id desc offset ${DEEP / 2} limit 1`);
  const repeatCursor = encodeRepeatCursor({ spent: Number(rows[0]!.k), id: rows[0]!.id });
  figures.push(
    await measure("repeat customers: first page", RUNS, () =>
      listRepeatCustomers(db, actor, businessId, { limit: LIMIT }),
    ),
  );
  figures.push(
    await measure(`repeat customers: ${(DEEP / 2).toLocaleString("en")} deep`, RUNS, () =>
      listRepeatCustomers(db, actor, businessId, { limit: LIMIT, cursor: repeatCursor }),
    ),
  );

  console.log("EXPLAIN (ANALYZE, BUFFERS): indexes used, rows the scans read, buffers, execution time");
  console.table(plans);
  return figures;
}
