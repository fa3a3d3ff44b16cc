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
 * in key order; ranks 2-4 have trigram GIN indexes (name, email, phone digits) for rare fragments
 * and the name index to walk in order for common ones (a phone fragment most phones share), and
 * the planner picks by the estimate. Figures and plans: BENCHMARKS.md, "CRM directory".
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

type Branch = { rank: number; key: SQL; where: SQL };

function branches(t: SearchTerms): Branch[] {
  const prefix = `${t.like}%`;
  const inside = `%${t.like}%`;
  const namePrefix = sql`${nameKey} like ${prefix}`;
  const tailPrefix = sql`(${hasTail} and ${tailKey} like ${prefix})`;
  const nameInside = sql`${lowerName} like ${inside}`;
  const emailInside = sql`coalesce(${lowerEmail} like ${inside}, false)`;
  const found: Branch[] = [
    { rank: 0, key: nameKey, where: namePrefix },
    { rank: 1, key: tailKey, where: sql`${hasTail} and ${tailKey} like ${prefix} and not ${namePrefix}` },
  ];
  if (t.substrings) {
    found.push(
      { rank: 2, key: nameKey, where: sql`${nameInside} and not ${namePrefix} and not ${tailPrefix}` },
      { rank: 3, key: nameKey, where: sql`${lowerEmail} like ${inside} and not ${nameInside}` },
    );
  }
  if (t.digits) {
    found.push({
      rank: 4,
      key: nameKey,
      where: sql`${c.phoneDigits} like ${`%${t.digits}%`} and not ${nameInside} and not ${emailInside}`,
    });
  }
  return found;
}

type Row = Omit<SummaryRow, "currency"> & { rank: number; k: string };

/** One rank's candidates after the cursor, in key order, at most `take`. */
function branchQuery(businessId: string, b: Branch, after: SearchPosition | null, take: number): SQL {
  const resume =
    after && after.rank === b.rank
      ? sql` and (${b.key}, ${c.id}) > (${after.key}::text collate "C", ${after.id}::uuid)`
      : sql``;
  return sql`(select ${c.id} as "id", ${c.fullName} as "fullName", ${c.email} as "email", ${c.phone} as "phone",
      ${c.customerType} as "customerType", ${c.avatarKey} as "avatarKey", ${c.purchaseCount} as "purchaseCount",
      ${c.totalSpentMinor} as "totalSpentMinor", ${c.lastPurchaseAt} as "lastPurchaseAt", ${c.createdAt} as "createdAt",
      ${c.deletedAt} as "deletedAt", ${b.rank}::int as "rank", ${b.key} as "k"
    from ${c}
    where ${c.businessId} = ${businessId} and ${c.deletedAt} is null and ${b.where}${resume}
    order by ${b.key}, ${c.id} limit ${take})`;
}

/** The SQL of a search page: the ranks' branches merged, best first. Exported for the benchmark's plans. */
export function searchStatement(businessId: string, t: SearchTerms, after: SearchPosition | null, take: number): SQL {
  const parts = branches(t)
    .filter((b) => !after || b.rank >= after.rank)
    .map((b) => branchQuery(businessId, b, after, take));
  return sql`select u.*, (select ${businesses.currency} from ${businesses} where ${businesses.id} = ${businessId}) as "currency"
    from (${sql.join(parts, sql` union all `)}) u
    order by u."rank", u."k" collate "C", u."id" limit ${take}`;
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
  const { rows } = await db.execute<Row & { currency: string } & Record<string, unknown>>(
    searchStatement(businessId, terms, after, limit + 1),
  );
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
