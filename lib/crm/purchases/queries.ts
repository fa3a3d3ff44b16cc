/**
 * Reading a record's purchase metrics, its stats in the seed's shape and its history (purchases and
 * appointments together). Staff of the business read them (crm.read); so does the person the
 * record is about: crmReader's "self" scope adds the record's linked customer id to the WHERE
 * clause, so any other record (and a deleted one) is not found, and nothing internal is sent.
 */
import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { businesses, crmCustomers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { crmReader, type CrmReader } from "@/lib/authz/policy";
import { decimalOf, purchaseMetrics } from "@/lib/crm/metrics";
import { RECORD_NOT_FOUND } from "@/lib/crm/record";
import { iso } from "@/lib/dto";
import { notFound } from "@/lib/errors";
import { keysetCursor, keysetPage, microsText } from "@/lib/http/keyset";
import {
  historyPageDto,
  recordMetricsDto,
  recordStatsDto,
  type HistoryEntryDto,
  type HistoryPageDto,
  type RecordMetricsDto,
  type RecordStatsDto,
} from "./dto";
import type { HistoryQuery } from "./inputs";
import type { RecordParams } from "@/lib/crm/inputs";

/** The record the reader may read, with its business's currency; anything else is 404. */
async function readableRecord(db: Database, reader: CrmReader, recordId: string) {
  const scope: SQL[] = [eq(crmCustomers.businessId, reader.businessId), eq(crmCustomers.id, recordId)];
  // The person reads their own live record only.
  if (reader.kind === "self")
    scope.push(eq(crmCustomers.customerId, reader.customerId), isNull(crmCustomers.deletedAt));
  const [row] = await db
    .select({ record: crmCustomers, currency: businesses.currency })
    .from(crmCustomers)
    .innerJoin(businesses, eq(businesses.id, crmCustomers.businessId))
    .where(and(...scope));
  if (!row) throw notFound(RECORD_NOT_FOUND);
  return row;
}

const dateOf = (value: Date | string | null) => iso(value)?.slice(0, 10) ?? null;

export async function getRecordMetrics(db: Database, actor: Actor, params: RecordParams): Promise<RecordMetricsDto> {
  const reader = crmReader(actor, params.businessId);
  const { record, currency } = await readableRecord(db, reader, params.customerId);
  return recordMetricsDto.parse({
    customer_id: record.id,
    business_id: record.businessId,
    metrics: purchaseMetrics(record, currency),
  });
}

export async function getRecordStats(db: Database, actor: Actor, params: RecordParams): Promise<RecordStatsDto> {
  const reader = crmReader(actor, params.businessId);
  const { record, currency } = await readableRecord(db, reader, params.customerId);
  const spent = Number(record.totalSpentMinor);
  return recordStatsDto.parse({
    total_orders: record.purchaseCount,
    total_appointments: record.appointmentCount,
    lifetime_value: decimalOf(spent, currency),
    lifetime_value_minor: spent,
    currency,
    last_order_date: dateOf(record.lastPurchaseAt),
    last_appointment_date: dateOf(record.lastAppointmentAt),
  });
}

const KINDS = ["purchase", "appointment"] as const;
/** History cursors: the last entry's time (microseconds), kind and id. */
const historyCursors = keysetCursor({ k: z.enum(KINDS) });

type HistoryRow = {
  kind: (typeof KINDS)[number];
  id: string;
  at: Date | string;
  at_text: string;
  amount_minor: string | number | null;
  currency: string | null;
  items: number | null;
  description: string | null;
  source: string | null;
  status: "scheduled" | "completed" | "cancelled" | "no_show" | null;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  job_id: string | null;
  notes: string | null;
};

/**
 * Purchases (at their purchased_at) and appointments (at their start), newest first, in
 * (time, kind, id) descending order. Each side reads at most a page and one row past the cursor
 * from its own index (purchases_customer_idx, appointments_customer_idx), and the two are merged.
 */
export async function getRecordHistory(
  db: Database,
  actor: Actor,
  params: RecordParams,
  query: HistoryQuery,
): Promise<HistoryPageDto> {
  const reader = crmReader(actor, params.businessId);
  const { record } = await readableRecord(db, reader, params.customerId);
  const position = query.cursor ? historyCursors.decode(query.cursor) : null;
  const after = (time: SQL, kind: string, id: SQL) =>
    position
      ? sql`and (${time}, ${kind}::text, ${id}) < (${position.t}::timestamptz, ${position.k}::text, ${position.i}::uuid)`
      : sql``;
  const n = query.limit + 1;
  const { rows } = await db.execute<HistoryRow>(sql`
    select * from (
      (select 'purchase' as kind, p.id, p.purchased_at as at, ${microsText(sql`p.purchased_at`)} as at_text,
              p.amount_minor, p.currency, p.items, p.description, p.source,
              null::appointment_status as status, null::timestamptz as starts_at, null::timestamptz as ends_at,
              null::uuid as job_id, null::text as notes
       from purchases p
       where p.business_id = ${record.businessId} and p.crm_customer_id = ${record.id}
         ${after(sql`p.purchased_at`, "purchase", sql`p.id`)}
       order by p.purchased_at desc, p.id desc limit ${n})
      union all
      (select 'appointment' as kind, a.id, a.starts_at as at, ${microsText(sql`a.starts_at`)} as at_text,
              null, null, null, null, null, a.status, a.starts_at, a.ends_at, a.job_id, a.notes
       from appointments a
       where a.business_id = ${record.businessId} and a.crm_customer_id = ${record.id}
         ${after(sql`a.starts_at`, "appointment", sql`a.id`)}
       order by a.starts_at desc, a.id desc limit ${n})
    ) h
    order by h.at desc, h.kind desc, h.id desc
    limit ${n}`);
  const { page, pagination } = keysetPage(rows, query.limit, (last) =>
    historyCursors.encode({ t: last.at_text, k: last.kind, i: last.id }),
  );
  return historyPageDto.parse({
    customer_id: record.id,
    items: page.map((row) => toHistoryEntry(row, reader.kind === "staff")),
    pagination,
  });
}

function toHistoryEntry(row: HistoryRow, staff: boolean): HistoryEntryDto {
  if (row.kind === "purchase") {
    const amount = Number(row.amount_minor);
    return {
      kind: "purchase",
      id: row.id,
      at: iso(row.at),
      amount_minor: amount,
      amount: decimalOf(amount, row.currency!),
      currency: row.currency!,
      items: Number(row.items),
      description: row.description!,
      source: row.source!,
    };
  }
  return {
    kind: "appointment",
    id: row.id,
    at: iso(row.at),
    status: row.status!,
    starts_at: iso(row.starts_at!),
    ends_at: iso(row.ends_at!),
    job_id: row.job_id,
    ...(staff && { notes: row.notes }),
  };
}
