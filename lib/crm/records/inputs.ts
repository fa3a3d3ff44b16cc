/**
 * What the customer-record routes and forms accept: the record's contact data (in the seeds' field
 * names: `full_name`, or 003's `name` for the same value), its type and gender, and the named
 * contact preferences. Phones are checked and normalised to E.164 by the mutation, which knows the
 * business's country (./contact.ts); everything else is checked here.
 */
import { z } from "zod";
import { CONTACT_FIELDS, customerGender, customerType } from "@/db/schema";
import { emailInput } from "@/lib/accounts/inputs";
import { optionalText, plainText, text } from "@/lib/inputs";
import { businessParams, recordParams } from "@/lib/crm/inputs";

export const NAME_MAX = 100;
export const PHONE_MAX = 40;

/** A blank form field ("") clears a nullable field, like null. */
const blankIsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const fullName = text(NAME_MAX, "Enter the customer's name.", `Use at most ${NAME_MAX} characters.`);

/** A postal address, in snake_case (stored as db/schema/customers.ts's PostalAddress). */
export const addressInput = z
  .object({
    line1: text(200, "Enter the street address."),
    line2: optionalText(200),
    city: text(100, "Enter the city."),
    region: optionalText(100),
    postal_code: text(20, "Enter the postal code."),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "Use the two-letter country code (ISO 3166-1), e.g. RO or US.")
      .overwrite((s) => s.toUpperCase()),
  })
  .meta({ id: "CrmAddressInput", description: "A postal address." });
export type AddressInput = z.output<typeof addressInput>;

const email = z.preprocess(blankIsNull, emailInput.nullable());
/** Any format a person types ("0712 345 678", "+40 712-345-678"); normalised to E.164 by the mutation. */
const phone = z.preprocess(
  blankIsNull,
  plainText(PHONE_MAX, `A phone number has at most ${PHONE_MAX} characters.`).nullable(),
);
const address = z.preprocess(blankIsNull, addressInput.nullable());
const gender = z.preprocess(blankIsNull, z.enum(customerGender.enumValues, "Choose male, female or other.").nullable());
export const customerTypeSchema = z.enum(customerType.enumValues, "Choose walk_in, regular, vip or wholesale.");

const contactShape = {
  full_name: fullName.optional(),
  /** 003's name for full_name: accepted for its clients; full_name wins when both are sent. */
  name: fullName.optional(),
  email: email.optional(),
  phone: phone.optional(),
  address: address.optional(),
  gender: gender.optional(),
  customer_type: customerTypeSchema.optional(),
};

export const createRecordInput = z
  .object(contactShape)
  .refine((v) => v.full_name !== undefined || v.name !== undefined, {
    message: "Enter the customer's name.",
    path: ["full_name"],
  })
  .meta({ id: "CrmCreateCustomerInput" });
export type CreateRecordInput = z.output<typeof createRecordInput>;

/** A partial update: only the fields sent change; null (or a blank form field) clears a field. */
export const updateRecordInput = z.object(contactShape).meta({ id: "CrmUpdateCustomerInput" });
export type UpdateRecordInput = z.output<typeof updateRecordInput>;

export const preferencesInput = z
  .object({
    prefer_sms: z.boolean().optional(),
    prefer_email: z.boolean().optional(),
    prefer_call: z.boolean().optional(),
    /** Overrides every opt-in: while it is set, the record is contactable by no channel. */
    do_not_contact: z.boolean().optional(),
    can_receive_offers: z.boolean().optional(),
    can_receive_loyalty: z.boolean().optional(),
    best_contact_time: z.preprocess(blankIsNull, plainText(100).nullable()).optional(),
    favorite_products: z
      .array(text(100, "A product name cannot be blank."))
      .max(50, "At most 50 favourite products.")
      .optional(),
    preferred_payment: z.preprocess(blankIsNull, plainText(50).nullable()).optional(),
  })
  .meta({ id: "CrmPreferencesInput" });
export type PreferencesInput = z.output<typeof preferencesInput>;

export const contactFieldSchema = z.enum(CONTACT_FIELDS, `Name one of ${CONTACT_FIELDS.join(", ")}.`);
export const overrideParams = recordParams.extend({ field: contactFieldSchema });

/** The forms name the record in their fields: the same params, with the body beside them. */
export const createRecordForm = businessParams.and(createRecordInput);
export const updateRecordForm = recordParams.extend(updateRecordInput.shape);
export const preferencesForm = recordParams.extend(preferencesInput.shape);
export const overrideForm = overrideParams;
export const recordForm = recordParams;
