/**
 * GET /api/customers/{businessId}/search?q=: the business's live records whose name, email or
 * phone contains the query, best matches first, a keyset page at a time. Tenant first: every
 * branch below filters on the business the path names, so another business's record is never a
 * candidate.
 *
 * Ranks (a discrete key, so a page ends at a (rank, key, id) a cursor can resume from):
 *   0 the name starts with the query ("ana" finds "Ana Popescu")       key: the name
 *   1 the name after its first word starts with it ("pop")             key: that rest of the name
 *   2 the name contains it elsewhere (3+ characters)                   key: the name
 *   3 the email contains it (3+ characters)                            key: the name
 *   4 the phone's digits contain the query's digits (a query of only digits and phone punctuation,
 *     3+ digits: "555 12", "(555)", "555-1234")                        key: the name
 * A record is found once, at its best rank. Shorter queries (1-2 characters) match ranks 0 and 1
 * only: a substring that short matches most names and says nothing, and no trigram indexes it.
 *
 * Each rank is its own branch, read in key order with the page's limit, and the branches merged:
 * ranks 0 and 1 are ranges of btree indexes (crm_customers_name_idx, crm_customers_name_tail_idx)
 * in key order. A substring rank (2-4) is counted first through its trigram GIN index (name, email,
 * phone digits), up to GATHER_AT_MOST + 1: if it finds few records they are gathered through that
 * index and sorted; if many, the name index is walked in order and filtered, and the page fills
 * within a few hundred rows. Postgres's own estimate of a substring is too poor to make that
 * choice (it walked 50k rows for a fragment nobody had), so searchRows makes it, and pins each
 * statement's plan with planner settings local to the search's transaction. Figures and plans:
 * BENCHMARKS.md, "CRM directory".
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, crmCustomers as c } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { keysetPage } from "@/lib/http/keyset";
import { decodeSearchCursor, encodeSearchCursor, type SearchPosition } from "./cursor";
import { customerSearchPageDto, type CustomerSearchPageDto, type MatchRange, type SearchMatchDto } from "./dto";
import { SUBSTRING_FROM, type CustomerSearchQuery } from "./inputs";
import { summaryOf, tagsOf, type SummaryRow } from "./summaries";

/** What a query looks for: its lower-cased text, as a LIKE literal, and its digits when it reads as a phone fragment. */
export type SearchTerms = { text: string; like: string; digits: string | null; substrings: boolean };

const PHONE_LIKE = /^[\d\s()+\-./]+$/;

export function searchTerms(q: string): SearchTerms {
  const text = q.trim().toLowerCase();
  const digits = text.replace(/\D/g, "");
  return {
    text,
    like: text.replace(/[\\%_]/g, (ch) => `\\${ch}`),
    digits: PHONE_LIKE.test(text) && digits.length >= SUBSTRING_FROM ? digits : null,
    substrings: [...text].length >= SUBSTRING_FROM,
  };
}

const nameKey = sql`lower(${c.fullName}) collate "C"`;
const hasTail = sql`strpos(${c.fullName}, ' ') > 0`;
const tailKey = sql`ltrim(lower(substr(${c.fullName}, strpos(${c.fullName}, ' ') + 1))) collate "C"`;
const lowerName = sql`lower(${c.fullName})`;
const lowerEmail = sql`lower(${c.email})`;

/**
 * A rank's candidates. A substring rank (2-4) is read one of two ways, chosen per query by how many
 * records it finds (see `densities`): "gather" them all through the trigram index and sort them
 * (few), or "walk" the name index in order and filter (many: the page fills within a few hundred
 * rows). Each form hides the other path from the planner, whose estimate of a substring is poor.
 */
type Branch = { rank: number; key: SQL; where: SQL; substring?: { match: SQL; unindexed: SQL; exclude: SQL } };
export type BranchMode = "gather" | "walk";

/** How many records a substring rank may find and still be gathered and sorted rather than walked. */
export const GATHER_AT_MOST = 300;

function branches(t: SearchTerms): Branch[] {
  const prefix = `${t.like}%`;
  const inside = `%${t.like}%`;
  const namePrefix = sql`${nameKey} like ${prefix}`;
  const tailPrefix = sql`(${hasTail} and ${tailKey} like ${prefix})`;
  const nameInside = sql`${lowerName} like ${inside}`;
  const emailInside = sql`coalesce(${lowerEmail} like ${inside}, false)`;
  const substring = (rank: number, value: SQL, pattern: string, exclude: SQL): Branch => {
    const match = sql`${value} like ${pattern}`;
    // The same test on an expression no index holds: only the walk can serve it.
    const unindexed = sql`(${value} || '') like ${pattern}`;
    return { rank, key: nameKey, where: sql`${match} and ${exclude}`, substring: { match, unindexed, exclude } };
  };
  const found: Branch[] = [
    { rank: 0, key: nameKey, where: namePrefix },
    { rank: 1, key: tailKey, where: sql`${hasTail} and ${tailKey} like ${prefix} and not ${namePrefix}` },
  ];
  if (t.substrings) {
    found.push(
      substring(2, lowerName, inside, sql`not ${namePrefix} and not ${tailPrefix}`),
      substring(3, lowerEmail, inside, sql`not ${nameInside}`),
    );
  }
  if (t.digits)
    found.push(substring(4, sql`${c.phoneDigits}`, `%${t.digits}%`, sql`not ${nameInside} and not ${emailInside}`));
  return found;
}

type Row = Omit<SummaryRow, "currency"> & { rank: number; k: string };

/** One rank's candidates after the cursor, in key order, at most `take`. */
function branchQuery(businessId: string, b: Branch, mode: BranchMode, after: SearchPosition | null, take: number): SQL {
  // Gathered: ordered by the key as no index holds it, so the planner sorts what the trigram index found.
  const key = b.substring && mode === "gather" ? sql`(${b.key} || '')` : b.key;
  const where = b.substring && mode === "walk" ? sql`${b.substring.unindexed} and ${b.substring.exclude}` : b.where;
  const resume =
    after && after.rank === b.rank
      ? sql` and (${key}, ${c.id}) > (${after.key}::text collate "C", ${after.id}::uuid)`
      : sql``;
  return sql`(select ${c.id} as "id", ${c.fullName} as "fullName", ${c.email} as "email", ${c.phone} as "phone",
      ${c.customerType} as "customerType", ${c.avatarKey} as "avatarKey", ${c.purchaseCount} as "purchaseCount",
      ${c.totalSpentMinor} as "totalSpentMinor", ${c.lastPurchaseAt} as "lastPurchaseAt", ${c.createdAt} as "createdAt",
      ${c.deletedAt} as "deletedAt", ${b.rank}::int as "rank", ${key} as "k"
    from ${c}
    where ${c.businessId} = ${businessId} and ${c.deletedAt} is null and ${where}${resume}
    order by ${key}, ${c.id} limit ${take})`;
}

/** The ranks a page after `after` reads. */
const pageBranches = (t: SearchTerms, after: SearchPosition | null) =>
  branches(t).filter((b) => !after || b.rank >= after.rank);

/**
 * How many records each substring rank finds, up to GATHER_AT_MOST + 1, counted through the
 * trigram indexes (the statement runs with sequential and ordered index scans off). Null when the
 * query has no substring rank.
 */
export function densityStatement(businessId: string, t: SearchTerms, after: SearchPosition | null): SQL | null {
  const counted = pageBranches(t, after).filter((b) => b.substring);
  if (counted.length === 0) return null;
  return sql`select ${sql.join(
    counted.map(
      (b) => sql`(select count(*)::int from (select 1 from ${c} where ${c.businessId} = ${businessId}
        and ${c.deletedAt} is null and ${b.where} limit ${GATHER_AT_MOST + 1}) s) as ${sql.raw(`"r${b.rank}"`)}`,
    ),
    sql`, `,
  )}`;
}

/**
 * The SQL of a search page's ranks in `modes` (a substring rank not named is walked), merged,
 * best first. Exported for the benchmark's plans.
 */
export function searchStatement(
  businessId: string,
  t: SearchTerms,
  after: SearchPosition | null,
  take: number,
  modes: Partial<Record<number, BranchMode>> = {},
  only?: (b: { rank: number; substring: boolean }) => boolean,
): SQL {
  const parts = pageBranches(t, after)
    .filter((b) => !only || only({ rank: b.rank, substring: b.substring !== undefined }))
    .map((b) => branchQuery(businessId, b, modes[b.rank] ?? "walk", after, take));
  // No rank left to read (a cursor past them all): a statement that finds nothing.
  if (parts.length === 0) return sql`select null as "id" where false`;
  return sql`select u.*, (select ${businesses.currency} from ${businesses} where ${businesses.id} = ${businessId}) as "currency"
    from (${sql.join(parts, sql` union all `)}) u
    order by u."rank", u."k" collate "C", u."id" limit ${take}`;
}

/** Each substring rank's mode from its count: gather the few, walk the many. */
export const modesOf = (counts: Record<string, number>): Record<number, BranchMode> =>
  Object.fromEntries(
    Object.entries(counts).map(([r, n]) => [Number(r.slice(1)), n > GATHER_AT_MOST ? "walk" : "gather"]),
  );

/** The statements of a page once the counts are known: the gathered ranks, and the walked ones (ranks 0-1 always). */
export function pageStatements(
  businessId: string,
  t: SearchTerms,
  after: SearchPosition | null,
  take: number,
  modes: Record<number, BranchMode>,
): { gather: SQL | null; walk: SQL } {
  const gathered = (rank: number) => modes[rank] === "gather";
  const anyGathered = pageBranches(t, after).some((b) => gathered(b.rank));
  return {
    gather: anyGathered ? searchStatement(businessId, t, after, take, modes, (b) => gathered(b.rank)) : null,
    walk: searchStatement(businessId, t, after, take, modes, (b) => !gathered(b.rank)),
  };
}

type PageRow = Row & { currency: string } & Record<string, unknown>;

const setting = (name: string, value: string | SQL) => sql`set_config(${name}, ${value}, true)`;
const PLANNER_SETTINGS = [
  "enable_seqscan",
  "enable_indexscan",
  "enable_indexonlyscan",
  "enable_bitmapscan",
  "enable_sort",
  "jit",
] as const;

/** (rank, key in byte order as "C" compares it, id): the order of a search page. */
const byRank = (x: Row, y: Row) =>
  Number(x.rank) - Number(y.rank) || Buffer.compare(Buffer.from(x.k), Buffer.from(y.k)) || (x.id < y.id ? -1 : 1);

/**
 * The page's rows. A query with no substring rank is one statement. Otherwise, in a transaction
 * (a savepoint inside a caller's), with sequential scans off throughout (a misestimated substring
 * must never send the planner through the whole table): the substring ranks are counted and the
 * few gathered with only the trigram (bitmap) indexes to plan with, then ranks 0-1 and the
 * substring ranks with many records walked with only ordered index scans and no sort (so the
 * planner cannot read them all and sort them either; and without JIT, which the cost that puts on
 * a sort would otherwise switch on); the two merged in the page's order. The settings are put back before the transaction ends.
 */
export async function searchRows(
  db: Database,
  businessId: string,
  t: SearchTerms,
  after: SearchPosition | null,
  take: number,
): Promise<PageRow[]> {
  const density = densityStatement(businessId, t, after);
  if (!density) return (await db.execute<PageRow>(searchStatement(businessId, t, after, take))).rows;
  return db.transaction(async (tx) => {
    const {
      rows: [before],
    } = await tx.execute<Record<(typeof PLANNER_SETTINGS)[number], string>>(
      sql`select ${sql.join(
        PLANNER_SETTINGS.map((name) => sql`current_setting(${name}) as ${sql.raw(name)}`),
        sql`, `,
      )}, ${setting("enable_seqscan", "off")}, ${setting("enable_indexscan", "off")}, ${setting("enable_indexonlyscan", "off")}`,
    );
    const {
      rows: [counts],
    } = await tx.execute<Record<string, number>>(density);
    const statements = pageStatements(businessId, t, after, take, modesOf(counts!));
    const gathered = statements.gather ? (await tx.execute<PageRow>(statements.gather)).rows : [];
    await tx.execute(
      sql`select ${setting("enable_indexscan", before!.enable_indexscan)}, ${setting("enable_indexonlyscan", before!.enable_indexonlyscan)}, ${setting("enable_bitmapscan", "off")}, ${setting("enable_sort", "off")},
        ${setting("jit", "off")}`,
    );
    const walked = (await tx.execute<PageRow>(statements.walk)).rows;
    await tx.execute(
      sql`select ${setting("enable_bitmapscan", before!.enable_bitmapscan)}, ${setting("enable_seqscan", before!.enable_seqscan)},
        ${setting("enable_sort", before!.enable_sort)}, ${setting("jit", before!.jit)}`,
    );
    return [...gathered, ...walked].sort(byRank).slice(0, take);
  });
}

export async function searchCustomers(
  db: Database,
  actor: Actor,
  businessId: string,
  query: CustomerSearchQuery,
): Promise<CustomerSearchPageDto> {
  requireCrm(actor, businessId, "crm.read");
  const terms = searchTerms(query.q);
  const { limit } = query;
  const after = query.cursor ? decodeSearchCursor(query.cursor, terms.text) : null;
  const rows = await searchRows(db, businessId, terms, after, limit + 1);
  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeSearchCursor(terms.text, { rank: Number(last.rank), key: last.k, id: last.id }),
  );
  const tags = await tagsOf(
    db,
    businessId,
    page.map((r) => r.id),
  );
  return customerSearchPageDto.parse({
    q: query.q,
    customers: page.map((row) => ({
      ...summaryOf(businessId, { ...row, purchaseCount: Number(row.purchaseCount) }, tags),
      match: matchOf(Number(row.rank), row, terms),
    })),
    pagination,
  });
}

/** Which field a record was found by and where the query is in it, for highlighting. */
export function matchOf(
  rank: number,
  row: Pick<SummaryRow, "fullName" | "email" | "phone">,
  t: SearchTerms,
): SearchMatchDto {
  const span = (value: string, start: number, length: number): MatchRange[] =>
    start < 0 ? [] : [{ start: Math.min(start, value.length), end: Math.min(start + length, value.length) }];
  const name = row.fullName.toLowerCase();
  if (rank === 0) return { field: "name", ranges: span(row.fullName, 0, t.text.length) };
  if (rank === 1) {
    let start = name.indexOf(" ");
    while (name[start] === " ") start++;
    return { field: "name", ranges: span(row.fullName, start, t.text.length) };
  }
  if (rank === 2) return { field: "name", ranges: span(row.fullName, name.indexOf(t.text), t.text.length) };
  if (rank === 3) {
    const email = row.email ?? "";
    return { field: "email", ranges: span(email, email.toLowerCase().indexOf(t.text), t.text.length) };
  }
  const phone = row.phone ?? "";
  const positions = phone.split("").flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  const at = positions
    .map((i) => phone[i])
    .join("")
    .indexOf(t.digits ?? "");
  if (at < 0 || !t.digits) return { field: "phone", ranges: [] };
  return {
    field: "phone",
    ranges: [{ start: positions[at]!, end: positions[at + t.digits.length - 1]! + 1 }],
  };
}
