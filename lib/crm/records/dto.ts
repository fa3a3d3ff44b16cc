/**
 * A business's record of one customer, as the API sends it: contact data in the seeds' field names
 * (`full_name`, and 003's `name` with the same value), which contact fields the business overrides
 * over the person's own, tags (staff only), the named preferences with what they mean together
 * (`contactable`: do_not_contact overrides every opt-in), and the purchase metrics.
 */
import { z } from "zod";
import { CONTACT_FIELDS, customerGender, customerType } from "@/db/schema";
import { at } from "@/lib/dto";
import { purchaseMetricsDto } from "@/lib/crm/metrics";

export const addressDto = z
  .strictObject({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postal_code: z.string(),
    country: z.string().length(2),
  })
  .meta({ id: "CrmAddress" });
export type AddressDto = z.infer<typeof addressDto>;

export const recordTagDto = z.strictObject({ id: z.uuid(), label: z.string(), color: z.string() });

export const contactableDto = z
  .strictObject({
    sms: z.boolean(),
    email: z.boolean(),
    call: z.boolean(),
    offers: z.boolean(),
    loyalty: z.boolean(),
  })
  .meta({
    description:
      "What the business may actually do: each opt-in, and false everywhere while do_not_contact is set (it overrides every opt-in).",
  });

export const preferencesDto = z
  .strictObject({
    prefer_sms: z.boolean(),
    prefer_email: z.boolean(),
    prefer_call: z.boolean(),
    do_not_contact: z.boolean(),
    can_receive_offers: z.boolean(),
    can_receive_loyalty: z.boolean(),
    best_contact_time: z.string().nullable(),
    favorite_products: z.array(z.string()),
    preferred_payment: z.string().nullable(),
    contactable: contactableDto,
  })
  .meta({ id: "CrmPreferences" });
export type PreferencesDto = z.infer<typeof preferencesDto>;

export const customerRecordDto = z
  .strictObject({
    id: z.uuid(),
    business_id: z.uuid(),
    full_name: z.string(),
    /** 003's name for full_name: the same value. */
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().meta({ description: "E.164, e.g. +40712345678." }),
    address: addressDto.nullable(),
    gender: z.enum(customerGender.enumValues).nullable(),
    customer_type: z.enum(customerType.enumValues),
    /** False once soft-deleted (deleted_at set); restorable. */
    is_active: z.boolean(),
    avatar_url: z.string().nullable(),
    /** Whether the record is linked to the person's Clientele account (their profile is the contact source). */
    linked: z.boolean(),
    /** Contact fields the business set itself over the linked person's own values. */
    overridden_fields: z.array(z.enum(CONTACT_FIELDS)),
    /** Staff only: the person's own view of their record never carries tags. */
    tags: z.array(recordTagDto).optional(),
    preferences: preferencesDto,
    metrics: purchaseMetricsDto,
    total_appointments: z.number().int().nonnegative(),
    last_appointment_date: z.iso.date().nullable(),
    created_at: at,
    updated_at: at,
    deleted_at: at.nullable(),
  })
  .meta({ id: "CrmCustomerRecord" });
export type CustomerRecordDto = z.infer<typeof customerRecordDto>;
