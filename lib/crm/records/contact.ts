/**
 * A record's contact data: phones in E.164, addresses between the API's snake_case and the stored
 * PostalAddress, and the link to the person's own profile. When a record is linked to a Clientele
 * account (crm_customers.customer_id), the person's own values are the source of its contact fields
 * (CONTACT_FIELDS); a field the business edited is an override (overridden_fields) and stays as the
 * business set it until reverted.
 */
import "server-only";
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Database } from "@/db/client";
import { businesses, crmCustomers, customers, users, type ContactField, type PostalAddress } from "@/db/schema";
import { recordChange, type AuditActor } from "@/lib/audit/record";
import { systemActor } from "@/lib/auth/actor";
import { badRequest, notFound } from "@/lib/errors";
import type { AddressDto } from "./dto";
import type { AddressInput } from "./inputs";
import { customerUpdated } from "@/lib/crm/record";

/**
 * `raw` as E.164 (+40712345678), read with the business's country for numbers typed without a
 * country code; a number that is not a valid phone number anywhere is a 400 on `phone`.
 */
export function normalisePhone(raw: string, country: string): string {
  const e164 = toE164(raw, country);
  if (!e164) {
    throw badRequest("Some input fields are invalid.", {
      phone: [`Enter a valid phone number (with its country code, or a ${country.toUpperCase()} number).`],
    });
  }
  return e164;
}

/** `raw` as E.164, or null when it is not a valid phone number (a person's own phone, typed anyhow). */
export function toE164(raw: string | null, country: string): string | null {
  if (!raw?.trim()) return null;
  const parsed = parsePhoneNumberFromString(raw, country.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

export function addressToStored(address: AddressInput): PostalAddress {
  return {
    line1: address.line1,
    ...(address.line2 !== undefined && { line2: address.line2 }),
    city: address.city,
    ...(address.region !== undefined && { region: address.region }),
    postalCode: address.postal_code,
    country: address.country,
  };
}

export function addressToDto(address: PostalAddress | null): AddressDto | null {
  if (!address) return null;
  return {
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    region: address.region ?? null,
    postal_code: address.postalCode,
    country: address.country,
  };
}

/** The contact columns of a record, by their API field names. */
export type Contact = {
  full_name: string;
  email: string | null;
  phone: string | null;
  address: PostalAddress | null;
};

export const CONTACT_COLUMNS = {
  full_name: "fullName",
  email: "email",
  phone: "phone",
  address: "address",
} as const satisfies Record<ContactField, keyof typeof crmCustomers.$inferSelect>;

export function contactOf(row: typeof crmCustomers.$inferSelect): Contact {
  return { full_name: row.fullName, email: row.email, phone: row.phone, address: row.address };
}

/** The business's country: the default of the phone numbers typed for it, and of a person's own. */
export async function countryOf(db: Database, businessId: string): Promise<string> {
  const [business] = await db
    .select({ country: businesses.country })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!business) throw notFound("That business");
  return business.country;
}

/** The person's own contact values, and their account (users.id), for the records linked to them. */
export type PersonContact = { contact: Contact; userId: string };

/**
 * The person's own contact values (their profile and account) for a record linked to `customerId`
 * at a business in `country`: full name (first and last), the account's email, the profile's phone
 * in E.164 (read with the business's country; null when it is not a valid number) and shipping
 * address. Null when there is no such customer. For linking a new record, and reverting or
 * refreshing one.
 */
export async function contactFromPerson(
  db: Database,
  customerId: string,
  country: string,
): Promise<PersonContact | null> {
  const [person] = await db
    .select({
      firstName: customers.firstName,
      lastName: customers.lastName,
      phone: customers.phone,
      address: customers.shippingAddress,
      email: users.email,
      userId: users.id,
    })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.userId))
    .where(eq(customers.id, customerId));
  if (!person) return null;
  const contact = {
    full_name: `${person.firstName} ${person.lastName}`.trim(),
    email: person.email,
    phone: toE164(person.phone, country),
    address: person.address,
  };
  return { contact, userId: person.userId };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Another live record of the business that has `email` (case-insensitively), if any. */
export async function recordWithEmail(
  db: Database,
  businessId: string,
  email: string,
  exceptRecordId?: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: crmCustomers.id })
    .from(crmCustomers)
    .where(
      and(
        eq(crmCustomers.businessId, businessId),
        // The very predicate and expression of crm_customers_email_key, so the lookup is that index.
        isNull(crmCustomers.deletedAt),
        isNotNull(crmCustomers.email),
        sql`lower(${crmCustomers.email}) = lower(${email})`,
        exceptRecordId ? ne(crmCustomers.id, exceptRecordId) : undefined,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/**
 * Copies the person's current values into every record linked to `customerId` (at every business),
 * field by field, leaving the fields a business overrode alone. Call it in the transaction that
 * changes the person's own name, email, phone or address. Each record that changes gets its audit
 * rows and a v1.customer.updated event. A business that already has another live record with the
 * person's new email keeps this record's old email (emails are unique per business), rather than
 * refusing the person's own change. Returns the ids of the records that changed.
 */
export async function refreshLinkedRecords(
  tx: Database,
  customerId: string,
  actor: AuditActor = systemActor("crm:profile-sync"),
): Promise<string[]> {
  const linked = await tx
    .select({ row: crmCustomers, country: businesses.country })
    .from(crmCustomers)
    .innerJoin(businesses, eq(businesses.id, crmCustomers.businessId))
    .where(eq(crmCustomers.customerId, customerId))
    .orderBy(crmCustomers.id)
    .for("update", { of: crmCustomers });
  const changed: string[] = [];
  for (const { row, country } of linked) {
    const person = (await contactFromPerson(tx, customerId, country))?.contact;
    if (!person) return [];
    const before = contactOf(row);
    const after: Partial<Contact> = {};
    for (const field of Object.keys(CONTACT_COLUMNS) as ContactField[]) {
      if (row.overriddenFields.includes(field)) continue;
      if (sameValue(before[field], person[field])) continue;
      if (field === "email" && person.email && !row.deletedAt) {
        if (await recordWithEmail(tx, row.businessId, person.email, row.id)) continue;
      }
      (after as Record<string, unknown>)[field] = person[field];
    }
    const fields = Object.keys(after) as ContactField[];
    if (fields.length === 0) continue;
    const [updated] = await tx
      .update(crmCustomers)
      .set(Object.fromEntries(fields.map((f) => [CONTACT_COLUMNS[f], after[f]])))
      .where(and(eq(crmCustomers.businessId, row.businessId), eq(crmCustomers.id, row.id)))
      .returning({ updatedAt: crmCustomers.updatedAt });
    await recordChange(tx, actor, {
      businessId: row.businessId,
      entity: { type: "crm_customer", id: row.id },
      action: "update",
      before,
      after,
      event: customerUpdated(row.id, fields, updated!.updatedAt, actor),
    });
    changed.push(row.id);
  }
  return changed;
}
