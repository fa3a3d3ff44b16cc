/**
 * Reading one customer record: staff of the business (crm.read) see it whole, deleted or not; the
 * person it is about (a signed-in customer linked to it) sees their own live record, without the
 * business's tags. The DTO builder is exported for every CRM route that answers with a record.
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, crmContactPreferences, crmCustomers, crmCustomerTags, crmTags } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { crmReader } from "@/lib/authz/policy";
import { purchaseMetrics } from "@/lib/crm/metrics";
import { RECORD_NOT_FOUND, type CrmRecordRow } from "@/lib/crm/record";
import { iso } from "@/lib/dto";
import { notFound } from "@/lib/errors";
import { addressToDto } from "./contact";
import { customerRecordDto, preferencesDto, type CustomerRecordDto, type PreferencesDto } from "./dto";
import { avatarUrl } from "@/lib/crm/avatar/url";

export type PreferencesRow = typeof crmContactPreferences.$inferSelect;

/** The preferences a record has without a row of its own (the columns' defaults). */
export const DEFAULT_PREFERENCES = {
  preferSms: true,
  preferEmail: false,
  preferCall: false,
  doNotContact: false,
  canReceiveOffers: true,
  canReceiveLoyalty: true,
  bestContactTime: null,
  favoriteProducts: [],
  preferredPayment: null,
} satisfies Omit<PreferencesRow, "crmCustomerId" | "businessId" | "updatedAt">;

type PreferenceValues = Omit<PreferencesRow, "crmCustomerId" | "businessId" | "updatedAt">;

/** The named preferences, and what they allow together: do_not_contact overrides every opt-in. */
export function preferencesOf(row: PreferenceValues | null | undefined): PreferencesDto {
  const p = row ?? DEFAULT_PREFERENCES;
  const allowed = (optIn: boolean) => optIn && !p.doNotContact;
  return preferencesDto.parse({
    prefer_sms: p.preferSms,
    prefer_email: p.preferEmail,
    prefer_call: p.preferCall,
    do_not_contact: p.doNotContact,
    can_receive_offers: p.canReceiveOffers,
    can_receive_loyalty: p.canReceiveLoyalty,
    best_contact_time: p.bestContactTime,
    favorite_products: p.favoriteProducts,
    preferred_payment: p.preferredPayment,
    contactable: {
      sms: allowed(p.preferSms),
      email: allowed(p.preferEmail),
      call: allowed(p.preferCall),
      offers: allowed(p.canReceiveOffers),
      loyalty: allowed(p.canReceiveLoyalty),
    },
  });
}

/**
 * The record as the API sends it. `view: "self"` (the person themselves) leaves out the tags.
 * Reads the business's currency, the preferences row and (for staff) the tags.
 */
export async function buildRecordDto(
  db: Database,
  row: CrmRecordRow,
  { view = "staff" }: { view?: "staff" | "self" } = {},
): Promise<CustomerRecordDto> {
  // One statement after another: the caller's transaction is one connection.
  const [business] = await db
    .select({ currency: businesses.currency })
    .from(businesses)
    .where(eq(businesses.id, row.businessId));
  const [preferences] = await db
    .select()
    .from(crmContactPreferences)
    .where(and(eq(crmContactPreferences.businessId, row.businessId), eq(crmContactPreferences.crmCustomerId, row.id)));
  const tags =
    view === "staff"
      ? await db
          .select({ id: crmTags.id, label: crmTags.name, color: crmTags.color })
          .from(crmCustomerTags)
          .innerJoin(crmTags, eq(crmTags.id, crmCustomerTags.tagId))
          .where(and(eq(crmCustomerTags.businessId, row.businessId), eq(crmCustomerTags.crmCustomerId, row.id)))
          .orderBy(asc(crmTags.name))
      : null;
  const lastAppointment = iso(row.lastAppointmentAt);
  return customerRecordDto.parse({
    id: row.id,
    business_id: row.businessId,
    full_name: row.fullName,
    name: row.fullName,
    email: row.email,
    phone: row.phone,
    address: addressToDto(row.address),
    gender: row.gender,
    customer_type: row.customerType,
    is_active: row.deletedAt === null,
    avatar_url: avatarUrl(row.businessId, row.id, row.avatarKey),
    linked: row.customerId !== null,
    overridden_fields: row.overriddenFields,
    ...(tags && { tags }),
    preferences: preferencesOf(preferences),
    metrics: purchaseMetrics(row, business!.currency),
    total_appointments: row.appointmentCount,
    last_appointment_date: lastAppointment?.slice(0, 10) ?? null,
    created_at: iso(row.createdAt),
    updated_at: iso(row.updatedAt),
    deleted_at: iso(row.deletedAt),
  });
}

/** One record, for staff with crm.read or the person it is about; anything else is 404. */
export async function getRecord(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
): Promise<CustomerRecordDto> {
  const reader = crmReader(actor, businessId);
  const scope =
    reader.kind === "staff"
      ? and(eq(crmCustomers.businessId, reader.businessId), eq(crmCustomers.id, recordId))
      : and(
          eq(crmCustomers.businessId, reader.businessId),
          eq(crmCustomers.id, recordId),
          eq(crmCustomers.customerId, reader.customerId),
          isNull(crmCustomers.deletedAt),
        );
  const [row] = await db.select().from(crmCustomers).where(scope);
  if (!row) throw notFound(RECORD_NOT_FOUND);
  return buildRecordDto(db, row, { view: reader.kind });
}
