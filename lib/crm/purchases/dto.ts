/** What the purchases, metrics, stats, history and "my businesses" routes send back (strict, snake_case). */
import { z } from "zod";
import { appointmentStatus } from "@/db/schema";
import { at } from "@/lib/dto";
import { keysetPagination } from "@/lib/http/keyset";
import { purchaseMetricsDto } from "@/lib/crm/metrics";
import { PURCHASE_SOURCES } from "./inputs";

const minor = z.number().int().nonnegative();
const decimal = z.number().nonnegative();
const currency = z.string().length(3);
const date = z.iso.date();

export const purchaseDto = z
  .strictObject({
    purchase_id: z.uuid(),
    customer_id: z.uuid().describe("The CRM record (crm_customers.id)."),
    business_id: z.uuid(),
    amount_minor: minor,
    amount: decimal,
    currency,
    items: z.number().int().positive(),
    description: z.string(),
    source: z.string().describe(`Where the sale was made: ${PURCHASE_SOURCES.join(", ")} (imports may name others).`),
    external_ref: z.string().nullable(),
    purchased_at: at,
    recorded_at: at,
  })
  .meta({ id: "CrmPurchase" });
export type PurchaseDto = z.infer<typeof purchaseDto>;

export const purchaseRecordedDto = z
  .strictObject({
    purchase: purchaseDto,
    /** False when the external reference was already recorded: `purchase` is then the first one, and nothing changed. */
    recorded: z.boolean(),
    metrics: purchaseMetricsDto,
  })
  .meta({ id: "CrmPurchaseRecorded" });
export type PurchaseRecordedDto = z.infer<typeof purchaseRecordedDto>;

export const recordMetricsDto = z
  .strictObject({ customer_id: z.uuid(), business_id: z.uuid(), metrics: purchaseMetricsDto })
  .meta({ id: "CrmRecordMetrics" });
export type RecordMetricsDto = z.infer<typeof recordMetricsDto>;

/** The seed's stats shape (total_orders, total_appointments, lifetime_value, last_order_date), money also in minor units. */
export const recordStatsDto = z
  .strictObject({
    total_orders: z.number().int().nonnegative(),
    total_appointments: z.number().int().nonnegative().describe("Completed appointments."),
    lifetime_value: decimal.describe("Everything spent, as a decimal in the currency (2750.00)."),
    lifetime_value_minor: minor,
    currency,
    last_order_date: date.nullable(),
    last_appointment_date: date.nullable(),
  })
  .meta({ id: "CrmRecordStats" });
export type RecordStatsDto = z.infer<typeof recordStatsDto>;

const purchaseEntry = z
  .strictObject({
    kind: z.literal("purchase"),
    id: z.uuid(),
    at,
    amount_minor: minor,
    amount: decimal,
    currency,
    items: z.number().int().positive(),
    description: z.string(),
    source: z.string(),
  })
  .meta({ id: "CrmHistoryPurchase" });
const appointmentEntry = z
  .strictObject({
    kind: z.literal("appointment"),
    id: z.uuid(),
    /** The appointment's start. */
    at,
    status: z.enum(appointmentStatus.enumValues),
    starts_at: at,
    ends_at: at,
    /** The marketplace job the appointment is the booking of, if it came from one. */
    job_id: z.uuid().nullable(),
    /** Staff's notes on the appointment: sent to staff only, never to the customer themself. */
    notes: z.string().nullable().optional(),
  })
  .meta({ id: "CrmHistoryAppointment" });
export const historyEntryDto = z.union([purchaseEntry, appointmentEntry]);
export type HistoryEntryDto = z.infer<typeof historyEntryDto>;

export const historyPageDto = z
  .strictObject({ customer_id: z.uuid(), items: z.array(historyEntryDto), pagination: keysetPagination })
  .meta({ id: "CrmHistoryPage" });
export type HistoryPageDto = z.infer<typeof historyPageDto>;

export const myBusinessDto = z.strictObject({
  business_id: z.uuid(),
  business_name: z.string(),
  customer_id: z.uuid().describe("Your record at that business (crm_customers.id)."),
  since: at,
  total_orders: z.number().int().nonnegative(),
  lifetime_value: decimal,
  lifetime_value_minor: minor,
  currency,
  last_order_date: date.nullable(),
  total_appointments: z.number().int().nonnegative(),
});
export const myBusinessesDto = z.strictObject({ businesses: z.array(myBusinessDto) }).meta({ id: "MyCrmBusinesses" });
export type MyBusinessesDto = z.infer<typeof myBusinessesDto>;
