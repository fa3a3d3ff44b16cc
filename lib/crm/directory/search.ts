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
 * One statement: each rank is its own branch, read in key order with the page's limit, the branches
 * in rank order under the page's LIMIT, so a rank is read only when the better ones left the page
 * short. Ranks 0 and 1 are ranges of btree indexes (crm_customers_name_idx,
 * crm_customers_name_tail_idx) in key order. The substring ranks (2-4) share a walk of the next
 * WALK_READS_AT_MOST rows of the name index: a rank that finds its page there is done (a common
 * fragment); one that does not is gathered through its trigram GIN index (name, email, phone
 * digits) and sorted (a rarer one: in under ~3% of the records, 1,500 at most of the 52k in the
 * benchmark). The walk's own result decides, not Postgres's estimate of a substring, which is too
 * poor for it (it walked 50k rows for a fragment nobody had). Figures and plans: BENCHMARKS.md,
 * "CRM directory".
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
 * A rank's candidates: a condition and the key it is ordered by. A substring rank (2-4) carries its
 * match (the test its trigram index serves) and its exclusions (the better ranks) apart.
 */
type Branch = { rank: number; key: SQL; where: SQL; substring?: { match: SQL; exclude: SQL } };

/**
 * How many rows of the name index a substring rank's walk reads, at most, looking for its page:
 * past that the rank is rare here and is gathered through its trigram index instead.
 */
export const WALK_READS_AT_MOST = 1000;

function branches(t: SearchTerms): Branch[] {
  const prefix = `${t.like}%`;
  const inside = `%${t.like}%`;
  const namePrefix = sql`${nameKey} like ${prefix}`;
  const tailPrefix = sql`(${hasTail} and ${tailKey} like ${prefix})`;
  const nameInside = sql`${lowerName} like ${inside}`;
  const emailInside = sql`coalesce(${lowerEmail} like ${inside}, false)`;
  const substring = (rank: number, value: SQL, pattern: string, exclude: SQL): Branch => {
    const match = sql`${value} like ${pattern}`;
    return { rank, key: nameKey, where: sql`${match} and ${exclude}`, substring: { match, exclude } };
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

const columns = sql`${c.id} as "id", ${c.fullName} as "fullName", ${c.email} as "email", ${c.phone} as "phone",
  ${c.customerType} as "customerType", ${c.avatarKey} as "avatarKey", ${c.purchaseCount} as "purchaseCount",
  ${c.totalSpentMinor} as "totalSpentMinor", ${c.lastPurchaseAt} as "lastPurchaseAt", ${c.createdAt} as "createdAt",
  ${c.deletedAt} as "deletedAt"`;
const walkColumns = `"id", "fullName", "email", "phone", "customerType", "avatarKey", "purchaseCount", "totalSpentMinor", "lastPurchaseAt", "createdAt", "deletedAt"`;
const outColumns = sql.raw(`${walkColumns}, "rank", "k"`);

const resumeAfter = (key: SQL, b: Branch, after: SearchPosition | null) =>
  after && after.rank === b.rank
    ? sql` and (${key}, ${c.id}) > (${after.key}::text collate "C", ${after.id}::uuid)`
    : sql``;

/** A rank 0-1 branch: a range of its btree index, in key order, after the cursor, at most `take`. */
function rangeQuery(businessId: string, b: Branch, after: SearchPosition | null, take: number): SQL {
  return sql`(select ${columns}, ${b.rank}::int as "rank", ${b.key} as "k" from ${c}
    where ${c.businessId} = ${businessId} and ${c.deletedAt} is null and ${b.where}${resumeAfter(b.key, b, after)}
    order by ${b.key}, ${c.id} limit ${take})`;
}

/**
 * The walk the substring ranks share: the next WALK_READS_AT_MOST rows of the name index (from the
 * cursor for the cursor's rank, from the start for the ranks after it), in order and unfiltered, so
 * the planner has nothing to misestimate; each row says which of `ranks` it belongs to.
 */
function walkCte(name: string, businessId: string, ranks: Branch[], resume: SQL): SQL {
  const hits = ranks.map(
    (b) => sql`, (${b.substring!.match} and ${b.substring!.exclude}) as ${sql.raw(`"hit${b.rank}"`)}`,
  );
  return sql`${sql.raw(`"${name}"`)} as (select ${columns}, ${nameKey} as "k"${sql.join(hits, sql``)}
    from ${c} where ${c.businessId} = ${businessId} and ${c.deletedAt} is null${resume}
    order by ${nameKey}, ${c.id} limit ${WALK_READS_AT_MOST})`;
}

/**
 * A substring rank, read one of two ways, in the same statement:
 * - walked: its first `take` rows among the shared walk's, read in the walk's order (a CTE's rows
 *   are read back in the order it produced them; no sort, so the walk stops at the page's last row);
 * - gathered, only when the walk found fewer than `take`: every record the rank's trigram index
 *   finds, sorted (by the key as no index holds it, so the planner cannot walk the table instead).
 * A common fragment fills its page within the walk; a rare one costs its few trigram candidates.
 */
function substringParts(businessId: string, b: Branch, walk: string, after: SearchPosition | null, take: number) {
  const walked = sql.raw(`"walked${b.rank}"`);
  const cte = sql`${walked} as (select ${sql.raw(walkColumns)}, ${b.rank}::int as "rank", "k" from ${sql.raw(`"${walk}"`)}
    where ${sql.raw(`"hit${b.rank}"`)} limit ${take})`;
  const full = sql`(select count(*) from ${walked}) >= ${take}`;
  const gatherKey = sql`(${b.key} || '')`;
  const parts = [
    sql`(select ${outColumns} from ${walked} where ${full})`,
    sql`(select ${columns}, ${b.rank}::int as "rank", ${gatherKey} as "k" from ${c}
      where ${c.businessId} = ${businessId} and ${c.deletedAt} is null and ${b.where}${resumeAfter(gatherKey, b, after)}
        and not ${full}
      order by ${gatherKey}, ${c.id} limit ${take})`,
  ];
  return { cte, parts };
}

/**
 * The SQL of a search page: every rank after the cursor, in rank order, under one LIMIT. Postgres
 * runs the branches of a UNION ALL (an Append) one after another and stops pulling rows once the
 * LIMIT is met, and a CTE runs when first read, so a rank is read only if the better ranks left the
 * page short: a common fragment's page is full before its email and phone ranks are looked at.
 * Exported for the benchmark's plans.
 */
export function searchStatement(businessId: string, t: SearchTerms, after: SearchPosition | null, take: number): SQL {
  const found = branches(t).filter((b) => !after || b.rank >= after.rank);
  const atCursor = found.filter((b) => b.substring && after && b.rank === after.rank);
  const fromStart = found.filter((b) => b.substring && !(after && b.rank === after.rank));
  const ctes: SQL[] = [];
  if (atCursor.length) ctes.push(walkCte("resumed", businessId, atCursor, resumeAfter(nameKey, atCursor[0]!, after)));
  if (fromStart.length) ctes.push(walkCte("walk", businessId, fromStart, sql``));
  const parts: SQL[] = [];
  for (const b of found) {
    if (!b.substring) parts.push(rangeQuery(businessId, b, after, take));
    else {
      const sub = substringParts(businessId, b, atCursor.includes(b) ? "resumed" : "walk", after, take);
      ctes.push(sub.cte);
      parts.push(...sub.parts);
    }
  }
  // No rank left to read (a cursor past them all): a statement that finds nothing.
  if (parts.length === 0) return sql`select null as "id" where false`;
  const withs = ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
  return sql`${withs}select u.*, (select ${businesses.currency} from ${businesses} where ${businesses.id} = ${businessId}) as "currency"
    from (${sql.join(parts, sql` union all `)}) u limit ${take}`;
}

type PageRow = Row & { currency: string } & Record<string, unknown>;

/** (rank, key in byte order as "C" compares it, id): the order of a search page. */
const byRank = (x: Row, y: Row) =>
  Number(x.rank) - Number(y.rank) || Buffer.compare(Buffer.from(x.k), Buffer.from(y.k)) || (x.id < y.id ? -1 : 1);

/** The page's rows, in the page's order: one statement (see searchStatement). */
export async function searchRows(
  db: Database,
  businessId: string,
  t: SearchTerms,
  after: SearchPosition | null,
  take: number,
): Promise<PageRow[]> {
  const { rows } = await db.execute<PageRow>(searchStatement(businessId, t, after, take));
  return rows.sort(byRank);
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
